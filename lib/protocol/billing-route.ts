/**
 * What billing.html shows, from its address: `#overview` every tenant of every dashboard at a
 * glance; `#tenant=BELGO-001` that tenant's full page, `&month=2026-11` opened at that month (the
 * notifications link there), `&dashboard=<origin>` at that one of the person's dashboards
 * (pages the background opens for a dashboard tab or an alert name theirs; the background
 * believes it only for a dashboard in the person's list); anything else, the person's active
 * tenant at the chosen dashboard. Only ids, months and bare origins are taken: the rest of the
 * address is ignored.
 */
import { TENANT_ID_PATTERN } from '@/lib/billing/tenant-id';
import { isMonth } from '@/lib/billing/month';

export interface TenantRoute {
  kind: 'tenant';
  tenantId?: string;
  month?: string;
  /** The dashboard's origin; absent: the chosen dashboard. */
  dashboard?: string;
}

export type BillingRoute = { kind: 'overview' } | TenantRoute;

/** An origin as `URL.origin` writes it (http or https), or undefined. */
function bareOrigin(text: string | null): string | undefined {
  if (!text || !/^https?:\/\//.test(text)) return undefined;
  try {
    return new URL(text).origin === text ? text : undefined;
  } catch {
    return undefined;
  }
}

export function parseRoute(hash: string): BillingRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.has('overview')) return { kind: 'overview' };
  const tenantId = params.get('tenant') ?? '';
  const month = params.get('month');
  const dashboard = bareOrigin(params.get('dashboard'));
  return {
    kind: 'tenant',
    ...(TENANT_ID_PATTERN.test(tenantId) && { tenantId, ...(isMonth(month) && { month }) }),
    ...(dashboard && { dashboard }),
  };
}

/** The address of a tenant's full page (billing.html's hash), at a month and a dashboard if given. */
export function tenantHash({ tenantId, month, dashboard }: Omit<TenantRoute, 'kind'>): string {
  const params = new URLSearchParams({ ...(tenantId && { tenant: tenantId }), ...(tenantId && month && { month }), ...(dashboard && { dashboard }) });
  const text = params.toString();
  return text ? `#${text}` : '';
}

export const OVERVIEW_HASH = '#overview';
