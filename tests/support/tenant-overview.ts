/** Rows and snapshots for the overview tests (lib/billing/tenant-overview*, overview-csv, lib/ui/tenant-rows). */
import type { BillingSnapshot, Money, Usage } from '@/lib/billing/model';
import type { OverviewRow, TenantFigures } from '@/lib/billing/tenant-overview';
import { usage } from '@/tests/support/usage';

const NOT_AVAILABLE = { ok: false, error: { kind: 'notAvailable' } } as const;

export function snapshot(tenantId: string, over: Partial<Usage> = {}, rest: Partial<BillingSnapshot> = {}): BillingSnapshot {
  return {
    origin: 'http://localhost:9001',
    tenantId,
    family: 'adminV1',
    simulated: false,
    fetchedAt: 1_800_000_000_000,
    usage: usage(over),
    invoices: NOT_AVAILABLE,
    projections: NOT_AVAILABLE,
    timeline: NOT_AVAILABLE,
    ...rest,
  };
}

export function figures(tenantId: string, cost: Money, over: Partial<TenantFigures> = {}): TenantFigures {
  return {
    tenantId,
    cost,
    apiCalls: 0,
    llmTokens: 0,
    quotas: { api: null, llm: null, storage: null, compute: null },
    mostUsedQuota: null,
    month: '2026-12',
    lastMonth: '2026-11',
    change: null,
    budgetPercent: null,
    budgetLevel: 'ok',
    stale: false,
    simulated: false,
    fetchedAt: 1_800_000_000_000,
    ...over,
  };
}

export const ready = (id: string, f: TenantFigures, name = id, source = 'host'): OverviewRow => ({
  tenant: { id, name, source },
  state: { kind: 'ready', figures: f, refreshing: false },
});

export const loading = (id: string, name = id): OverviewRow => ({ tenant: { id, name, source: 'chosen' }, state: { kind: 'loading' } });

export const refused = (id: string, name = id): OverviewRow => ({
  tenant: { id, name, source: 'chosen' },
  state: { kind: 'error', error: { kind: 'noAccess' } },
});
