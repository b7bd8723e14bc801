/**
 * The narrow, typed message protocol between our UIs (content script, popup, options, full
 * page) and the background worker. A request names an operation and at most a tenant id and a
 * month, never a URL: the background builds every URL itself. Requests are validated on receipt
 * (lib/protocol-schema.ts) because a compromised page must not be able to widen them.
 */
import type { Catalog, Language } from '@/lib/i18n/catalog';
import type { BillingError, BillingSnapshot, Family } from '@/lib/model';

/** Tenant ids as the host issues them (BELGO-001, TECH-001); nothing else reaches a URL. */
export const TENANT_ID_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;

/** What a dashboard tab knows about its signed-in person, read from the page's localStorage. */
export interface PageSession {
  token: string | null;
  /** The page's `user_data` JSON string, as stored (parsed by the background, not trusted). */
  userData: string | null;
  currentTenant: string | null;
}

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

/**
 * How fresh an answer must be. `cached`: whatever is cached, at once (a refresh starts behind
 * it when stale); `fresh`: wait for data younger than the refresh interval; `force`: wait for
 * a new answer from the host.
 */
export type Freshness = 'cached' | 'fresh' | 'force';

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

export type Request =
  | { op: 'session.report'; session: PageSession }
  | { op: 'access.get' }
  | { op: 'tenants.get' }
  | { op: 'tenant.select'; tenantId: string }
  /** The person says this tenant is theirs (confirmed in a chooser, or typed in the options page). */
  | { op: 'tenant.choose'; tenantId: string }
  /** The person takes back a tenant they had chosen. */
  | { op: 'tenant.forget'; tenantId: string }
  /** `month` ("YYYY-MM", MONTH_PATTERN): that month's usage; without it, the current month's snapshot. */
  | { op: 'billing.get'; tenantId?: string; freshness: Freshness; month?: string }
  /** Opens the extension's full billing page in a new tab (a content script cannot). */
  | { op: 'page.openFull'; tenantId?: string }
  | { op: 'connection.check' }
  /** The message catalog of a language chosen over the browser's (content scripts cannot read it). */
  | { op: 'i18n.catalog'; language: Language };

export interface ResponseMap {
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
}

