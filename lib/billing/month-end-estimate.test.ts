/** The month-end estimate from the daily rate so far, and the host's projection that contradicts itself. */
import { describe, expect, it } from 'vitest';
import { monthEndEstimate, projectionContradicts } from '@/lib/billing/month-end-estimate';
import { brl } from '@/tests/support/usage';

describe('month-end estimate', () => {
  it('goes from the daily rate so far, today counted as a whole day', () => {
    // 10 days of December at R$ 27,02: 31 days at that rate.
    expect(monthEndEstimate(brl(2702), '2026-12', new Date('2026-12-10T08:00:00Z'))).toEqual({
      total: brl(Math.round((2702 / 10) * 31)),
      daysElapsed: 10,
      daysInMonth: 31,
    });
    // The 1st: one day's spending is the rate (never a division by a fraction of a day).
    expect(monthEndEstimate(brl(100), '2026-11', new Date('2026-11-01T00:05:00Z'))?.total).toEqual(brl(3000));
    // The last day: the month as it stands.
    expect(monthEndEstimate(brl(2702), '2026-11', new Date('2026-11-30T23:00:00Z'))?.total).toEqual(brl(2702));
    expect(monthEndEstimate(brl(0), '2026-12', new Date('2026-12-10T08:00:00Z'))?.total).toEqual(brl(0));
  });

  it('is for the month in progress only', () => {
    const now = new Date('2026-12-10T08:00:00Z');
    expect(monthEndEstimate(brl(2702), '2026-11', now)).toBeNull();
    expect(monthEndEstimate(brl(2702), '2027-01', now)).toBeNull();
  });

  it('flags the host projecting no more than is spent while days remain', () => {
    const p = { spent: brl(24580), projectedTotal: brl(24580), daysRemaining: 5, nextMonth: null, budget: null };
    expect(projectionContradicts(p)).toBe(true);
    expect(projectionContradicts({ ...p, projectedTotal: brl(20000) })).toBe(true);
    expect(projectionContradicts({ ...p, projectedTotal: brl(29000) })).toBe(false);
    expect(projectionContradicts({ ...p, daysRemaining: 0 })).toBe(false);
    expect(projectionContradicts({ ...p, spent: brl(0), projectedTotal: brl(0) })).toBe(false);
  });
});
