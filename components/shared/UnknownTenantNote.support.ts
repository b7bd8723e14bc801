/**
 * What the tests of the unknown-tenant note share: admin v1's answer for a tenant id it does not
 * know (a 200 of zeros, docs/host.md §4C), as the view a surface gets for it.
 */
import type { BillingView, TenantSource } from '@/lib/protocol/replies';
import { brl, usage } from '@/tests/support/usage';

/** `id`'s view, every figure zero, the tenant vouched for by `source` (the person typed it, by default). */
export function zeroView(id = 'TECH-01', source: TenantSource = 'chosen'): BillingView {
  const notAvailable = { ok: false as const, error: { kind: 'notAvailable' as const } };
  return {
    tenant: { id, name: id, color: null, source },
    stale: false,
    refreshError: null,
    retryAt: null,
    snapshot: {
      origin: 'http://localhost:9001',
      tenantId: id,
      family: 'adminV1',
      simulated: false,
      fetchedAt: Date.now(),
      usage: usage({
        total: brl(0),
        split: { api: brl(0), llm: brl(0), storage: brl(0), compute: brl(0) },
        metrics: { apiCalls: 0, tokensTotal: 0, tokensIn: 0, tokensOut: 0, storageMb: 0, computeMinutes: 0 },
        quotas: { api: { used: 0, included: 10_000 }, llm: null, storage: null, compute: null },
      }),
      invoices: notAvailable,
      projections: notAvailable,
      timeline: notAvailable,
    },
  };
}
