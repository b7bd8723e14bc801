/** This month against the last, as figures (lib/i18n/month-change-text.test.ts words them). */
import { describe, expect, it } from 'vitest';
import { compareMonths } from '@/lib/billing/month-change';
import { brl } from '@/tests/support/usage';

describe('compareMonths', () => {
  it('up or down: the percentage of last month and the amount, signed', () => {
    expect(compareMonths(brl(2702), brl(2412))).toEqual({ kind: 'up', percent: (290 / 2412) * 100, delta: brl(290) });
    expect(compareMonths(brl(2412), brl(2702))).toEqual({ kind: 'down', percent: (-290 / 2702) * 100, delta: brl(-290) });
  });

  it('the same total, and a month without usage', () => {
    expect(compareMonths(brl(2702), brl(2702))).toEqual({ kind: 'same' });
    expect(compareMonths(brl(2702), brl(0))).toEqual({ kind: 'noUsageLastMonth' });
  });

  it('another currency cannot be compared', () => {
    expect(compareMonths(brl(2702), { cents: 2412, currency: 'USD' })).toBeNull();
  });
});
