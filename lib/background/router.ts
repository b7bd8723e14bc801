/**
 * Answers the protocol's operations. Every billing reply names the origin and tenant it is
 * about (inside the snapshot); UIs also drop any answer older than their latest request.
 */
import { browser } from 'wxt/browser';
import type { BillingError, Part } from '../model';
import type { Access, BillingView, Reply, Request, ResponseMap } from '../protocol';
import { settingsItem } from '../settings';
import { accessFor, forgetAccess } from './access';
import { forgetOrigin, getBilling, getBillingMonth, type CachedAnswer } from './billing-cache';
import type { Caller } from './sender';
import { clearSession, everSignedIn, getSession, putSession, toStoredSession, type StoredSession } from './session-store';
import { checkConnection } from './connection-check';
import { chooseTenant, forgetTenant, forgetTenants, selectTenant, tenantsFor } from './tenants';
import { fetchCatalog } from './catalog';

type Answer<K extends keyof ResponseMap> = Promise<Reply<ResponseMap[K]>>;

const fail = (error: BillingError): { ok: false; error: BillingError } => ({ ok: false, error });

/** Origins whose last session could not be stored: "the browser refused", not "signed out". */
const unsavedSessions = new Set<string>();

/** Everything known about the last person on an origin goes together. */
async function forgetPerson(origin: string): Promise<void> {
  forgetAccess(origin);
  forgetTenants(origin);
  await forgetOrigin(origin);
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
  if (!session) {
    if (unsavedSessions.has(origin)) return fail({ kind: 'storage' });
    return fail((await everSignedIn(origin)) ? { kind: 'signedOut' } : { kind: 'signedOut', neverSignedIn: true });
  }
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
  // The tenant list is needed by the first billing request that follows: ask for it while the
  // access check runs rather than after it (it lists only the person's own tenants).
  if (stored) void tenantsFor(origin, stored).catch(() => undefined);
  const access = await withAccess(origin, stored);
  // The page will ask for the figures as soon as it hears this answer: start loading them now,
  // so that round trip is not on the way. Joins (never adds to) the refresh the page causes.
  if (access.ok && access.value.canSeeBilling) void billing(origin, { op: 'billing.get', freshness: 'cached' }).catch(() => undefined);
  return access;
}

/** Billing for the tenant the request names, or the person's active one; for a month if it names one. */
export async function billing(origin: string, request: Extract<Request, { op: 'billing.get' }>): Answer<'billing.get'> {
  // Read alongside the session check: every storage read is a round trip on the way to the host.
  const settings = settingsItem.getValue();
  const gate = await billingSession(origin);
  if (!gate.ok) return gate;
  const list = await tenantsFor(origin, gate.session);
  // Nothing vouches for a tenant of this person: they confirm one before anything is fetched.
  if (list.tenants.length === 0) return fail({ kind: 'tenantUnconfirmed', hint: list.hint });
  const tenantId = request.tenantId ?? list.activeId;
  const tenant = list.tenants.find((t) => t.id === tenantId);
  // Only tenants with evidence (lib/background/tenants.ts) ever reach a URL.
  if (!tenant) return fail({ kind: 'noAccess' });
  const ttlMs = (await settings).refreshMinutes * 60_000;
  const token = gate.session.token;
  const viewOf = (answer: Part<CachedAnswer>): Reply<BillingView> => (answer.ok ? { ok: true, value: { tenant, ...answer.data } } : answer);
  const { month, freshness } = request;
  // A past month is read from the family that gave the current one, so that one comes first.
  const current = await getBilling(origin, tenant.id, token, month ? 'cached' : freshness, ttlMs, signOut);
  if (!current.ok || !month) return viewOf(current);
  if (month === current.data.snapshot.usage.month) {
    return viewOf(freshness === 'cached' ? current : await getBilling(origin, tenant.id, token, freshness, ttlMs, signOut));
  }
  return viewOf(await getBillingMonth(origin, tenant.id, token, current.data.snapshot, month, freshness, ttlMs, signOut));
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
    case 'connection.check':
      // What the options page shows a person setting up: only our own pages ask.
      if (caller.kind !== 'extensionPage') return fail({ kind: 'noAccess' });
      return { ok: true, value: await checkConnection(origin, await getSession(origin), (o) => billing(o, { op: 'billing.get', freshness: 'fresh' })) };
    case 'page.openFull': {
      const hash = request.tenantId ? `#tenant=${request.tenantId}` : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`/billing.html${hash}`) });
      return { ok: true, value: null };
    }
  }
}
