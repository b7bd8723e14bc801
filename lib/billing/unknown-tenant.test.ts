/** When a typed tenant's figures may be the host's zeros for an id it does not know. */
import { describe, expect, it } from 'vitest';
import type { BillingSnapshot } from '@/lib/billing/model';
import { mayBeUnknownTenant } from '@/lib/billing/unknown-tenant';
import { zeroView } from '@/components/shared/UnknownTenantNote.support';
import { brl, usage } from '@/tests/support/usage';

const zeros = (): BillingSnapshot => zeroView().snapshot;
const withUsage = (over: Parameters<typeof usage>[0]): BillingSnapshot => {
  const snapshot = zeros();
  return { ...snapshot, usage: { ...snapshot.usage, ...over } };
};

describe('mayBeUnknownTenant', () => {
  it('a typed tenant whose every figure is zero: maybe an id the host does not know', () => {
    expect(mayBeUnknownTenant(zeros(), false)).toBe(true);
  });

  it('never for a tenant the host listed or the token names: its zeros are a month without usage', () => {
    expect(mayBeUnknownTenant(zeros(), true)).toBe(false);
  });

  it('any figure above zero is a tenant the host knows', () => {
    const zeroSplit = zeros().usage.split;
    const zeroMetrics = zeros().usage.metrics;
    for (const snapshot of [
      withUsage({ total: brl(1) }),
      withUsage({ split: { ...zeroSplit, storage: brl(5) } }),
      withUsage({ metrics: { ...zeroMetrics, tokensOut: 3 } }),
      withUsage({ quotas: { api: null, llm: null, storage: { used: 2, included: 100 }, compute: null } }),
      withUsage({ callsByEndpoint: [{ endpoint: '/api/x', calls: 4 }] }),
      { ...zeros(), invoices: { ok: true as const, value: { invoices: [], unreadable: 1 } } },
      { ...zeros(), timeline: { ok: true as const, value: [{ date: '2026-12-01', apiCalls: 0, tokens: 0, cost: brl(7) }] } },
      { ...zeros(), projections: { ok: true as const, value: { spent: brl(0), projectedTotal: brl(9), daysRemaining: 3, nextMonth: null, budget: null } } },
    ]) {
      expect(mayBeUnknownTenant(snapshot, false)).toBe(false);
    }
  });

  it('parts the host gives as zeros, or does not give, hold no figure', () => {
    const zeroParts: BillingSnapshot = {
      ...zeros(),
      invoices: { ok: true, value: { invoices: [], unreadable: 0 } },
      timeline: { ok: true, value: [{ date: '2026-12-01', apiCalls: 0, tokens: 0, cost: brl(0) }] },
      projections: { ok: true, value: { spent: brl(0), projectedTotal: brl(0), daysRemaining: 3, nextMonth: brl(0), budget: null } },
    };
    expect(mayBeUnknownTenant(zeroParts, false)).toBe(true);
    expect(mayBeUnknownTenant({ ...zeros(), usage: usage() }, false)).toBe(false);
  });
});
