import { describe, expect, it } from 'vitest';
import type { Projections, Result } from '@/lib/billing/model';
import { budgetLevel, budgetPercent, budgetThatCounts } from '@/lib/billing/budget';
import { brl } from '@/tests/support/usage';

describe('budgetLevel', () => {
  it('is green without a budget, and by share of the budget otherwise', () => {
    expect(budgetLevel(24580, null, 80)).toBe('ok');
    expect(budgetLevel(24580, 50000, 80)).toBe('ok');
    expect(budgetLevel(40000, 50000, 80)).toBe('warn');
    expect(budgetLevel(50000, 50000, 80)).toBe('over');
    expect(budgetLevel(30000, 50000, 50)).toBe('warn');
  });
});

describe('budgetThatCounts', () => {
  const notAvailable = { ok: false, error: { kind: 'notAvailable' } } as const;
  const hostLimit = (limit: number): Result<Projections> => ({
    ok: true,
    value: { spent: brl(0), projectedTotal: brl(0), daysRemaining: 1, nextMonth: null, budget: { monthlyLimit: brl(limit), usagePct: 0, alertThreshold: 80 } },
  });

  it("is the person's own, in the data's currency, over the host's limit", () => {
    expect(budgetThatCounts(20000, brl(24580), hostLimit(50000))).toEqual(brl(20000));
    expect(budgetThatCounts(20000, { cents: 100, currency: 'USD' }, notAvailable)).toEqual({ cents: 20000, currency: 'USD' });
  });

  it("is the host's limit without one of the person's, and none without either", () => {
    expect(budgetThatCounts(null, brl(24580), hostLimit(50000))).toEqual(brl(50000));
    expect(budgetThatCounts(null, brl(24580), notAvailable)).toBeNull();
  });
});

describe('budgetPercent', () => {
  it('is null for a zero budget, and counts no negative cost', () => {
    expect(budgetPercent(brl(2702), brl(0))).toBeNull();
    expect(budgetPercent(brl(-500), brl(10_000))).toBe(0);
  });
});
