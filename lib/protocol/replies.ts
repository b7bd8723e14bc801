/**
 * The narrow, typed message protocol between our UIs (content script, popup, options, full
 * page) and the background worker. A request names an operation and at most a tenant id and a
 * month, never a URL: the background builds every URL itself. Requests are validated on receipt
 * (lib/protocol/requests.ts) because a compromised page must not be able to widen them.
 */
import type { Catalog } from '@/lib/i18n/catalog';
import type { BillingError, BillingSnapshot, Family } from '@/lib/billing/model';
import type { Request } from '@/lib/protocol/requests';
import type { AlertsView } from '@/lib/billing/alerts';

export type { Freshness, PageSession, Request } from '@/lib/protocol/requests';
export type { AlertsView, AlertWarning } from '@/lib/billing/alerts';

/**
 * Why we believe a tenant is this person's, strongest first: the host listed it for them, their
 * token names it, or they chose it themselves in the extension (the host could not tell).
 */
export type TenantSource = 'host' | 'token' | 'chosen';

export interface TenantRef {
  id: string;
  name: string;
  /** The tenant's branding colour (#RRGGBB) when the host lists one. */
  color: string | null;
  source: TenantSource;
}

export interface Access {
  signedIn: boolean;
  canSeeBilling: boolean;
  role: string | null;
}

export interface TenantList {
  origin: string;
  /** The signed-in person's username, as their token names it. */
  person: string | null;
  /** Only tenants with evidence (see TenantSource); the page's own guess is never one of them. */
  tenants: TenantRef[];
  activeId: string | null;
  /** The page's `current_tenant`: a suggestion for the person to confirm, never fetched on its own. */
  hint: string | null;
}

export interface BillingView {
  tenant: TenantRef;
  snapshot: BillingSnapshot;
  /** Older than the refresh interval, or the last refresh failed (then `refreshError` says why). */
  stale: boolean;
  refreshError: BillingError | null;
  /** After a failed refresh: when the background will ask the host again (epoch ms), else null. */
  retryAt: number | null;
}

/** What the extension sees of a dashboard, for a person setting it up (options page). */
export interface ConnectionCheck {
  origin: string;
  /** The browser lets the extension reach the origin. */
  permission: boolean;
  /** Who the page says is signed in (null: nobody), and their role. */
  user: string | null;
  role: string | null;
  /** The tenant figures are shown for, and the endpoint family that answered for it. */
  tenant: TenantRef | null;
  family: Family | null;
  /** Why there are no figures, if there are none. */
  error: BillingError | null;
}

/** The value each op answers with (the reply is a Result of it). */
export interface ResponseMap extends Record<Request['op'], unknown> {
  'session.report': Access;
  'access.get': Access;
  'tenants.get': TenantList;
  'tenant.select': TenantList;
  'tenant.choose': TenantList;
  'tenant.forget': TenantList;
  'billing.get': BillingView;
  'page.openFull': null;
  'connection.check': ConnectionCheck;
  'i18n.catalog': Catalog;
  'overlay.css': string;
  'overlay.register': null;
  'alerts.get': AlertsView;
  'alerts.silence': AlertsView;
}

