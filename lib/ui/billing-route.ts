/**
 * What billing.html shows, from its address: `#overview` every tenant at a glance;
 * `#tenant=BELGO-001` that tenant's full page, `&month=2026-11` opened at that month (the
 * notifications link there); anything else, the person's active tenant. Only ids and months
 * the host could be asked about are taken: the rest of the address is ignored.
 */
import { TENANT_ID_PATTERN } from '@/lib/billing/tenant-id';
import { isMonth } from '@/lib/billing/month';

export type BillingRoute = { kind: 'overview' } | { kind: 'tenant'; tenantId?: string; month?: string };

export function parseRoute(hash: string): BillingRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.has('overview')) return { kind: 'overview' };
  const tenantId = params.get('tenant') ?? '';
  const month = params.get('month');
  if (!TENANT_ID_PATTERN.test(tenantId)) return { kind: 'tenant' };
  return isMonth(month) ? { kind: 'tenant', tenantId, month } : { kind: 'tenant', tenantId };
}

/** The address of a tenant's full page (billing.html's hash), at a month if given. */
export function tenantHash(tenantId: string, month?: string): string {
  const params = new URLSearchParams({ tenant: tenantId, ...(month && { month }) });
  return `#${params.toString()}`;
}

export const OVERVIEW_HASH = '#overview';
