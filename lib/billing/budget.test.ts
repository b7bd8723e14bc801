import { describe, expect, it } from 'vitest';
import type { Projections, Result } from '@/lib/billing/model';
import { budgetLevel, budgetPercent, budgetThatCounts, tenantBudget, warnFrom } from '@/lib/billing/budget';
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

describe('tenantBudget', () => {
  const settings = {
    budgetCents: 30_000,
    budgetLevels: [50, 80, 100],
    tenantBudgets: [
      { origin: 'http://a', tenantId: 'TECH-001', budgetCents: 5_000, budgetLevels: null },
      { origin: 'http://b', tenantId: 'BELGO-001', budgetCents: null, budgetLevels: [90, 120] },
    ],
  };

  it("is the tenant's own budget at its own dashboard, with the default levels where it has none", () => {
    expect(tenantBudget(settings, 'http://a', 'TECH-001')).toEqual({ budgetCents: 5_000, budgetLevels: [50, 80, 100], own: true });
    // The same tenant id at another dashboard is another tenant.
    expect(tenantBudget(settings, 'http://b', 'TECH-001')).toEqual({ budgetCents: 30_000, budgetLevels: [50, 80, 100], own: false });
  });

  it('takes the default budget where a tenant has its own levels only', () => {
    expect(tenantBudget(settings, 'http://b', 'BELGO-001')).toEqual({ budgetCents: 30_000, budgetLevels: [90, 120], own: false });
  });
});

describe('warnFrom', () => {
  it('is the lowest level, and never above 100', () => {
    expect(warnFrom([50, 80, 100])).toBe(50);
    expect(warnFrom([120, 150])).toBe(100);
  });
});
