/**
 * Answers the protocol's operations: one typed handler per op. Every billing reply names the
 * origin and tenant it is about (inside the snapshot); UIs also drop any answer older than
 * their latest request.
 */
import { fail, type Result } from '@/lib/billing/model';
import type { AlertsView, Request, ResponseMap, TenantList } from '@/lib/protocol/replies';
import { billing, prefetchBilling } from '@/lib/background/billing/service';
import { fetchCatalog } from '@/lib/background/catalog';
import { checkConnection } from '@/lib/background/connection-check';
import { overlayStylesheet } from '@/lib/background/overlay-stylesheet';
import { syncDashboardRegistration } from '@/lib/dashboard/registration';
import type { Caller } from '@/lib/background/sender';
import { openFullPage } from '@/lib/background/full-page';
import { checkAlerts } from '@/lib/background/badge/alerts';
import { NORMAL_STORE } from '@/lib/dashboard/place';
import { billingSession, storeSession, withAccess } from '@/lib/background/session/session';
import { getSession } from '@/lib/background/session/store';
import { chooseTenant, forgetTenant, selectTenant, tenantsFor } from '@/lib/background/session/tenants';

type Op = Request['op'];
type Handler<K extends Op> = (caller: Caller, request: Extract<Request, { op: K }>) => Promise<Result<ResponseMap[K]>>;

/** A change to the person's tenants, once the host lets them see billing. */
const tenantChange =
  (change: typeof selectTenant) =>
  async ({ place }: Caller, request: { tenantId: string }): Promise<Result<TenantList>> => {
    const gate = await billingSession(place);
    if (!gate.ok) return gate;
    const list = await change(place, gate.value, request.tenantId);
    return list ? { ok: true, value: list } : fail({ kind: 'noAccess' });
  };

/**
 * A tenant's alerts in force, silenced or heard again first when `silenced` says so; for our own
 * pages only (a dashboard tab has no say in them). From the cached figures, as billing.get's.
 */
async function alertsOf({ kind, place }: Caller, tenantId?: string, silenced?: boolean): Promise<Result<AlertsView>> {
  if (kind !== 'extensionPage') return fail({ kind: 'noAccess' });
  const reply = await billing(place, { op: 'billing.get', freshness: 'cached', ...(tenantId && { tenantId }) });
  // Never announces: answers after any announcement under way for these figures.
  return reply.ok ? { ok: true, value: await checkAlerts(place, reply.value, () => false, silenced) } : reply;
}

const HANDLERS: { [K in Op]: Handler<K> } = {
  async 'session.report'(caller, request) {
    // Only a dashboard tab knows the page's session; extension pages cannot set one.
    if (caller.kind !== 'dashboard') return fail({ kind: 'noAccess' });
    const { place } = caller;
    const stored = await storeSession(place, request.session);
    if (!stored.ok) return stored;
    const session = stored.value;
    if (session) {
      // The tenant list is needed by the first billing request that follows: ask for it while
      // the access check runs rather than after it (it lists only the person's own tenants).
      void tenantsFor(place, session).catch(() => undefined);
      void prefetchBilling(place, session).catch(() => undefined);
    }
    const access = await withAccess(place, session);
    // The page will ask for the figures as soon as it hears this answer: have them loading by
    // then. Joins (never adds to) the prefetch, and the refresh the page causes.
    if (access.ok && access.value.canSeeBilling) void billing(place, { op: 'billing.get', freshness: 'cached' }).catch(() => undefined);
    return access;
  },
  async 'access.get'({ place }) {
    return withAccess(place, await getSession(place));
  },
  async 'tenants.get'({ place }) {
    const gate = await billingSession(place);
    return gate.ok ? { ok: true, value: await tenantsFor(place, gate.value) } : gate;
  },
  'tenant.select': tenantChange(selectTenant),
  'tenant.choose': tenantChange(chooseTenant),
  'tenant.forget': tenantChange(forgetTenant),
  'billing.get': ({ place }, request) => billing(place, request),
  async 'i18n.catalog'(_caller, request) {
    const catalog = await fetchCatalog(request.language);
    return catalog ? { ok: true, value: catalog } : fail({ kind: 'notAvailable' });
  },
  async 'overlay.css'(caller) {
    // Only a dashboard tab whose person may see billing ever shows the overlay.
    if (caller.kind !== 'dashboard') return fail({ kind: 'noAccess' });
    const gate = await billingSession(caller.place);
    if (!gate.ok) return gate;
    const css = await overlayStylesheet();
    return css === null ? fail({ kind: 'notAvailable' }) : { ok: true, value: css };
  },
  async 'connection.check'(caller) {
    // What the options page shows a person setting up: only our own pages ask.
    if (caller.kind !== 'extensionPage') return fail({ kind: 'noAccess' });
    // The options page follows the normal store, as the check itself does.
    return { ok: true, value: await checkConnection(caller.place.origin, await getSession({ ...caller.place, store: NORMAL_STORE })) };
  },
  async 'overlay.register'(caller) {
    // Only the background registers the content script; saving the same address again is how
    // a person repairs a registration the browser lost (no storage change event for it).
    if (caller.kind !== 'extensionPage') return fail({ kind: 'noAccess' });
    await syncDashboardRegistration();
    return { ok: true, value: null };
  },
  async 'page.openFull'(caller, request) {
    // The page speaks for the person who opened it, in a container or private window too.
    await openFullPage(caller.place, { tenantId: request.tenantId });
    return { ok: true, value: null };
  },
  'alerts.get': (caller, request) => alertsOf(caller, request.tenantId),
  'alerts.silence': (caller, request) => alertsOf(caller, request.tenantId, request.silenced),
};

export function handleRequest<K extends Op>(caller: Caller, request: Extract<Request, { op: K }>): Promise<Result<ResponseMap[K]>> {
  return (HANDLERS[request.op as K] as Handler<K>)(caller, request);
}
