/**
 * What the family walk's tests share: the tenant, the clock, the URLs each family asks, the
 * tokens of the host's two logins, the host fixed as it should be, and one walk to run.
 */
import { beforeEach, vi } from 'vitest';
import { fetchSnapshot, type WalkStart } from '@/lib/background/billing/family-walk';
import type { BillingSnapshot, Result } from '@/lib/billing/model';
import { NOT_FOUND, ORIGIN, createFakeHost, mintJwt, sample, type FakeHost } from '@/tests/support/fake-host';

export const NOW = new Date('2026-11-25T12:00:00Z');
// Route prefixes as the fake hosts name them (the longest prefix wins).
export const TENANT_USAGE = '/api/v1/billing/current-usage';
export const ADMIN_USAGE = '/api/v1/admin/billing/usage/';
export const PANEL = '/api/billing/';
export const TENANT = 'BELGO-001';

export const URLS = {
  panelUsage: `${ORIGIN}/api/billing/usage?tenant_id=BELGO-001&period=month`,
  panelInvoices: `${ORIGIN}/api/billing/invoices?tenant_id=BELGO-001&limit=50`,
  panelProjections: `${ORIGIN}/api/billing/projections?tenant_id=BELGO-001`,
  panelTimeline: `${ORIGIN}/api/billing/timeline?tenant_id=BELGO-001&days=30`,
  tenantUsage: `${ORIGIN}/api/v1/billing/current-usage?period_type=monthly`,
  tenantInvoices: `${ORIGIN}/api/v1/billing/invoices?page=1&limit=50`,
  adminUsage: `${ORIGIN}/api/v1/admin/billing/usage/BELGO-001?month=2026-11`,
};

export let host: FakeHost;
/** The login page's token: no tenant claim (docs/host.md §3, "Which token works where"). */
export let v1Token: string;
/** The legacy login's token: with the tenant claim. */
export let legacyToken: string;

export function setUpWalkTests(): void {
  beforeEach(() => {
    v1Token = mintJwt({ role: 'ADMIN' });
    legacyToken = mintJwt({ role: 'ADMIN', tenant_id: TENANT });
  });
}

export function useHost(routes: Parameters<typeof createFakeHost>[0]): void {
  host = createFakeHost(routes);
  vi.stubGlobal('fetch', host.fetch);
}

/** One walk for TENANT with the legacy token, nothing known or dropped, unless told otherwise. */
export function walk(start: Partial<WalkStart> = {}, options: { token?: string; tenantId?: string } = {}) {
  const tenant = { origin: ORIGIN, tenantId: options.tenantId ?? TENANT, token: options.token ?? legacyToken };
  return fetchSnapshot(tenant, { known: null, dropped: [], signal: new AbortController().signal, now: NOW, ...start });
}

export function snapshotOf(result: Result<BillingSnapshot>): BillingSnapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The host once tenant v1 is fixed (docs/host.md §4). */
export const fixedRoutes = () => ({
  '/api/billing/': NOT_FOUND,
  '/api/v1/billing/current-usage': sample('v1-current-usage.if-tenant-resolved'),
  '/api/v1/billing/invoices': sample('v1-invoices.if-tenant-resolved'),
  '/api/v1/admin/billing/usage/': sample('v1-admin-usage.admin-v1-token'),
});
