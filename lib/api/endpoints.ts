/**
 * Every URL the extension ever requests, built here from the configured origin and a tenant id
 * that already matched TENANT_ID_PATTERN. Nothing that arrives in a message becomes a URL.
 */
import type { Family } from '../model';

export interface Endpoint {
  url: string;
  headers?: Record<string, string>;
}

const enc = encodeURIComponent;

/** "YYYY-MM" of the given day, in UTC like the host. */
export function monthOf(now: Date): string {
  return now.toISOString().slice(0, 7);
}

export const identityEndpoints = {
  permissions: (origin: string): Endpoint => ({ url: `${origin}/api/user/permissions` }),
  me: (origin: string): Endpoint => ({ url: `${origin}/api/v1/auth/me` }),
  tenants: (origin: string): Endpoint => ({ url: `${origin}/api/user/tenants` }),
};

export interface FamilyEndpoints {
  usage: Endpoint;
  invoices: Endpoint | null;
  projections: Endpoint | null;
  timeline: Endpoint | null;
}

/** How many invoices we ask for: enough for the full page's first pages. */
export const INVOICE_LIMIT = 50;
export const TIMELINE_DAYS = 30;

export function familyEndpoints(family: Family, origin: string, tenantId: string, now: Date): FamilyEndpoints {
  const t = enc(tenantId);
  switch (family) {
    case 'panel':
      return {
        usage: { url: `${origin}/api/billing/usage?tenant_id=${t}&period=month` },
        invoices: { url: `${origin}/api/billing/invoices?tenant_id=${t}&limit=${INVOICE_LIMIT}` },
        projections: { url: `${origin}/api/billing/projections?tenant_id=${t}` },
        timeline: { url: `${origin}/api/billing/timeline?tenant_id=${t}&days=${TIMELINE_DAYS}` },
      };
    case 'tenantV1': {
      // The tenant family takes the tenant from the token or this header, not from the path.
      const headers = { 'X-Tenant-ID': tenantId };
      return {
        usage: { url: `${origin}/api/v1/billing/current-usage?period_type=monthly`, headers },
        invoices: { url: `${origin}/api/v1/billing/invoices?page=1&limit=${INVOICE_LIMIT}`, headers },
        projections: null,
        timeline: null,
      };
    }
    case 'adminV1':
      return {
        usage: { url: `${origin}/api/v1/admin/billing/usage/${t}?month=${monthOf(now)}` },
        // The admin family has no invoice list, projections or timeline at all.
        invoices: null,
        projections: null,
        timeline: null,
      };
  }
}
