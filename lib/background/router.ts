/**
 * Answers the protocol's operations. Every billing reply names the origin and tenant it is
 * about (inside the snapshot); UIs also drop any answer older than their latest request.
 */
import { browser } from 'wxt/browser';
import { WITHDRAWS_FIGURES, type BillingError, type Part } from '../model';
import type { Access, BillingView, Reply, Request, ResponseMap } from '../protocol';
import { settingsItem } from '../settings';
import { accessFor, forgetAccess } from './access';
import { forgetOrigin, getBilling, getBillingMonth, type CachedAnswer } from './billing-cache';
import type { Caller } from './sender';
import { clearSession, getSession, putSession, toStoredSession, type StoredSession } from './session-store';
import { activeTenantBeforeListing, chooseTenant, forgetTenant, forgetTenants, selectTenant, tenantsFor } from './tenants';
import { decodeJwtClaims, roleCanSeeBilling } from '../host/normalize';
import { fetchCatalog } from './catalog';
import { forgetShownView, rememberShownView } from '../shown-view';

type Answer<K extends keyof ResponseMap> = Promise<Reply<ResponseMap[K]>>;

const fail = (error: BillingError): { ok: false; error: BillingError } => ({ ok: false, error });

/** Origins whose last session could not be stored: "the browser refused", not "signed out". */
const unsavedSessions = new Set<string>();

/** Everything known about the last person on an origin goes together. */
async function forgetPerson(origin: string): Promise<void> {
  forgetAccess(origin);
  forgetTenants(origin);
  await Promise.all([forgetOrigin(origin), forgetShownView()]);
}

/**
 * The host refused `token`. If someone else has signed in on that origin since, their session
 * stays: the refused person's data was already dropped when the new session arrived.
 */
async function signOut(origin: string, token: string): Promise<void> {
  const current = await getSession(origin);
  if (current && current.token !== token) return;
  await Promise.all([clearSession(origin, token), forgetPerson(origin)]);
}

async function withAccess(origin: string, session: StoredSession | null): Promise<Reply<Access>> {
  const result = await accessFor(origin, session);
  if (!result.ok && result.error.kind === 'signedOut' && session) await signOut(origin, session.token);
  return result.ok ? { ok: true, value: result.access } : result;
}

/** The session of an origin whose person may see billing, or why not. */
async function billingSession(origin: string): Promise<{ ok: true; session: StoredSession } | { ok: false; error: BillingError }> {
  const session = await getSession(origin);
  if (!session) return fail({ kind: unsavedSessions.has(origin) ? 'storage' : 'signedOut' });
  const access = await withAccess(origin, session);
  if (!access.ok) return access;
  if (!access.value.signedIn) return fail({ kind: 'signedOut' });
  if (!access.value.canSeeBilling) return fail({ kind: 'noAccess' });
  return { ok: true, session };
}

async function reportSession(origin: string, request: Extract<Request, { op: 'session.report' }>): Answer<'session.report'> {
  const session = toStoredSession(request.session);
  let changed: boolean;
  try {
    changed = await putSession(origin, session);
    unsavedSessions.delete(origin);
  } catch {
    unsavedSessions.add(origin);
    return fail({ kind: 'storage' });
  }
  // A different token may be a different person: nothing cached for the last one survives.
  if (changed) await forgetPerson(origin);
  const stored = await getSession(origin);
  if (stored) {
    // The tenant list is needed by the first billing request that follows: ask for it while the
    // access check runs rather than after it (it lists only the person's own tenants).
    void tenantsFor(origin, stored).catch(() => undefined);
    void prefetchBilling(origin, stored).catch(() => undefined);
  }
  const access = await withAccess(origin, stored);
  // The page will ask for the figures as soon as it hears this answer: have them loading by
  // then. Joins (never adds to) the prefetch, and the refresh the page causes.
  if (access.ok && access.value.canSeeBilling) void billing(origin, { op: 'billing.get', freshness: 'cached' }).catch(() => undefined);
  return access;
}

/**
 * The figures, fetched beside the access check instead of after it, when the token's own role
 * claim says billing and the person's tenant is known without the host's listing; that saves
 * a round trip on the way to the first figures. Only into the cache: billing() still answers
 * nobody before the access check says yes, and an unconfirmed tenant is never fetched.
 */
async function prefetchBilling(origin: string, session: StoredSession): Promise<void> {
  const role = decodeJwtClaims(session.token)?.role;
  if (!role || !roleCanSeeBilling(role)) return;
  const [tenantId, { refreshMinutes }] = await Promise.all([activeTenantBeforeListing(origin, session), settingsItem.getValue()]);
  if (tenantId) await getBilling(origin, tenantId, session.token, 'cached', refreshMinutes * 60_000, signOut);
}

/** Billing for the tenant the request names, or the person's active one; for a month if it names one. */
export async function billing(origin: string, request: Extract<Request, { op: 'billing.get' }>): Answer<'billing.get'> {
  // Read alongside the session check: every storage read is a round trip on the way to the host.
  const settings = settingsItem.getValue();
  const gate = await billingSession(origin);
  if (!gate.ok) return withdrawing(gate);
  const list = await tenantsFor(origin, gate.session);
  // Nothing vouches for a tenant of this person: they confirm one before anything is fetched.
  if (list.tenants.length === 0) return withdrawing(fail({ kind: 'tenantUnconfirmed', hint: list.hint }));
  const tenantId = request.tenantId ?? list.activeId;
  const tenant = list.tenants.find((t) => t.id === tenantId);
  // Only tenants with evidence (lib/background/tenants.ts) ever reach a URL.
  if (!tenant) return fail({ kind: 'noAccess' });
  const ttlMs = (await settings).refreshMinutes * 60_000;
  const token = gate.session.token;
  const active = tenant.id === list.activeId;
  const viewOf = (answer: Part<CachedAnswer>): Reply<BillingView> => (answer.ok ? { ok: true, value: { tenant, ...answer.data } } : answer);
  const { month, freshness } = request;
  // A past month is read from the family that gave the current one, so that one comes first.
  const current = await getBilling(origin, tenant.id, token, month ? 'cached' : freshness, ttlMs, signOut);
  if (!current.ok) return active ? withdrawing(current) : current;
  if (!month || month === current.data.snapshot.usage.month) {
    const answer = !month || freshness === 'cached' ? current : await getBilling(origin, tenant.id, token, freshness, ttlMs, signOut);
    const reply = viewOf(answer);
    // The popup paints these at once next time it opens (lib/shown-view.ts).
    if (reply.ok && active) void rememberShownView(origin, gate.session.person, reply.value);
    return reply;
  }
  return viewOf(await getBillingMonth(origin, tenant.id, token, current.data.snapshot, month, freshness, ttlMs, signOut));
}

/** An error after which the person may not see the figures they were shown: the popup must not paint them. */
function withdrawing<E extends { ok: false; error: BillingError }>(reply: E): E {
  if (WITHDRAWS_FIGURES.has(reply.error.kind)) void forgetShownView();
  return reply;
}

export async function handleRequest(caller: Caller, request: Request): Promise<Reply<ResponseMap[keyof ResponseMap]>> {
  const origin = caller.origin;
  switch (request.op) {
    case 'session.report':
      // Only a dashboard tab knows the page's session; extension pages cannot set one.
      if (caller.kind !== 'dashboard') return fail({ kind: 'noAccess' });
      return reportSession(origin, request);
    case 'access.get':
      return withAccess(origin, await getSession(origin));
    case 'tenants.get': {
      const gate = await billingSession(origin);
      return gate.ok ? { ok: true, value: await tenantsFor(origin, gate.session) } : gate;
    }
    case 'tenant.select':
    case 'tenant.choose':
    case 'tenant.forget': {
      const gate = await billingSession(origin);
      if (!gate.ok) return gate;
      const change = { 'tenant.select': selectTenant, 'tenant.choose': chooseTenant, 'tenant.forget': forgetTenant }[request.op];
      const list = await change(origin, gate.session, request.tenantId);
      return list ? { ok: true, value: list } : fail({ kind: 'noAccess' });
    }
    case 'billing.get':
      return billing(origin, request);
    case 'i18n.catalog': {
      const catalog = await fetchCatalog(request.language);
      return catalog ? { ok: true, value: catalog } : fail({ kind: 'notAvailable' });
    }
    case 'page.openFull': {
      const hash = request.tenantId ? `#tenant=${request.tenantId}` : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`/billing.html${hash}`) });
      return { ok: true, value: null };
    }
  }
}
