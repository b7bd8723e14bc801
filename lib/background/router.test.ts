/**
 * The background's front door: who may ask (identifyCaller), what may be asked (parseRequest),
 * and what each operation does with the session, tenants and billing (handleRequest).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser, type Browser } from 'wxt/browser';
import { forgetOrigin } from '@/lib/background/billing/cache';
import { handleRequest } from '@/lib/background/router';
import { identifyCaller, type Caller } from '@/lib/background/sender';
import { parseRequest } from '@/lib/protocol/requests';
import type { Result } from '@/lib/billing/model';
import type { Access, BillingView, ConnectionCheck, PageSession, Request, TenantList } from '@/lib/protocol/replies';
import { DEFAULT_SETTINGS, settingsItem, tenantChoicesItem, updateSettings } from '@/lib/storage/settings';
import { readShownView, rememberShownView } from '@/lib/storage/shown-view';
import {
  AUTH_REQUIRED,
  FORBIDDEN,
  ORIGIN,
  SERVER_ERROR,
  adminUsageRoute,
  createFakeHost,
  json,
  mintJwt,
  type TestClaims,
  sample,
  todayRoutes,
  until,
  deferred,
  type FakeHost,
  type Route,
} from '@/tests/support/fake-host';

/** A token whose claims name the person's tenant: the host vouches for BELGO-001. */
const withTenantClaim = (claims: TestClaims = {}) => mintJwt({ tenant_id: 'BELGO-001', ...claims });

const DASHBOARD: Caller = { kind: 'dashboard', origin: ORIGIN, tabId: 1 };
const POPUP: Caller = { kind: 'extensionPage', origin: ORIGIN };

const TWO_TENANTS = json(200, {
  success: true,
  tenants: [
    { tenant_id: 'BELGO-001', name: 'Belgo Arames', is_current: true, branding: { primary_color: '#003B4A' } },
    { tenant_id: 'TECH-001', name: 'Tech Corp', is_current: false, branding: { primary_color: '#112233' } },
  ],
  current: 'BELGO-001',
  can_switch: true,
});

function identityRoutes(role: 'admin' | 'developer' = 'admin'): Record<string, Route> {
  return {
    '/api/user/permissions': sample(role === 'admin' ? 'user-permissions.admin-v1-token' : 'user-permissions.developer'),
    '/api/v1/auth/me': sample('auth-me.admin-v1-token'),
    '/api/user/tenants': sample('user-tenants.admin-v1-token'),
  };
}

let host: FakeHost;

beforeEach(() => {
  host = createFakeHost({ ...identityRoutes(), ...todayRoutes() });
  vi.stubGlobal('fetch', host.fetch);
});

afterEach(async () => {
  await forgetOrigin(ORIGIN);
});

function page(token: string | null, currentTenant: string | null = 'BELGO-001', userData: string | null = null): PageSession {
  return { token, userData, currentTenant };
}

async function report(token: string | null, currentTenant: string | null = 'BELGO-001', userData: string | null = null) {
  return (await handleRequest(DASHBOARD, { op: 'session.report', session: page(token, currentTenant, userData) })) as Result<Access>;
}

async function billing(request: Omit<Extract<Request, { op: 'billing.get' }>, 'op'>, caller: Caller = POPUP) {
  return (await handleRequest(caller, { op: 'billing.get', ...request })) as Result<BillingView>;
}

async function allStorageText(area: 'local' | 'sync' | 'session'): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage[area].get());
}

function sender(fields: Record<string, unknown>): Browser.runtime.MessageSender {
  return fields as Browser.runtime.MessageSender;
}

describe('identifyCaller', () => {
  const settings = DEFAULT_SETTINGS;
  const id = () => browser.runtime.id;

  it('accepts an extension page, speaking for the configured dashboard', () => {
    expect(identifyCaller(sender({ id: id(), url: browser.runtime.getURL('/popup.html') }), settings)).toEqual({
      kind: 'extensionPage',
      origin: 'http://localhost:9001',
    });
  });

  it('accepts the top frame of a tab on the configured origin', () => {
    expect(
      identifyCaller(sender({ id: id(), url: 'http://localhost:9001/dashboard?x=1', tab: { id: 7 }, frameId: 0 }), settings),
    ).toEqual({ kind: 'dashboard', origin: 'http://localhost:9001', tabId: 7 });
  });

  it('refuses a sender with another extension id', () => {
    expect(identifyCaller(sender({ id: 'other-extension', url: browser.runtime.getURL('/popup.html') }), settings)).toBeNull();
    expect(
      identifyCaller(sender({ id: 'other-extension', url: 'http://localhost:9001/', tab: { id: 7 }, frameId: 0 }), settings),
    ).toBeNull();
  });

  it('refuses a tab on a non-dashboard origin', () => {
    for (const url of ['http://evil.example/', 'http://localhost:9002/', 'https://localhost:9001/', 'http://127.0.0.1:9001/']) {
      expect(identifyCaller(sender({ id: id(), url, tab: { id: 7 }, frameId: 0 }), settings)).toBeNull();
    }
  });

  it('refuses a sub-frame, even on the dashboard origin', () => {
    expect(identifyCaller(sender({ id: id(), url: 'http://localhost:9001/', tab: { id: 7 }, frameId: 1 }), settings)).toBeNull();
  });

  it('refuses a sender with no tab and a web URL', () => {
    expect(identifyCaller(sender({ id: id(), url: 'http://localhost:9001/' }), settings)).toBeNull();
    expect(identifyCaller(sender({ id: id() }), settings)).toBeNull();
  });

  it('follows the configured origin', () => {
    const custom = { ...settings, dashboardOrigin: 'https://dash.example.com' };
    expect(identifyCaller(sender({ id: id(), url: 'http://localhost:9001/', tab: { id: 7 }, frameId: 0 }), custom)).toBeNull();
    expect(identifyCaller(sender({ id: id(), url: 'https://dash.example.com/x', tab: { id: 7 }, frameId: 0 }), custom)).toEqual({
      kind: 'dashboard',
      origin: 'https://dash.example.com',
      tabId: 7,
    });
    expect(identifyCaller(sender({ id: id(), url: browser.runtime.getURL('/options.html') }), custom)).toEqual({
      kind: 'extensionPage',
      origin: 'https://dash.example.com',
    });
  });
});

describe('parseRequest', () => {
  it('accepts the protocol', () => {
    expect(parseRequest({ op: 'billing.get', tenantId: 'BELGO-001', freshness: 'cached' })).toEqual({
      op: 'billing.get',
      tenantId: 'BELGO-001',
      freshness: 'cached',
    });
    expect(parseRequest({ op: 'tenant.select', tenantId: 'TECH-001' })).toEqual({ op: 'tenant.select', tenantId: 'TECH-001' });
    expect(parseRequest({ op: 'access.get' })).toEqual({ op: 'access.get' });
  });

  it.each<[string, unknown]>([
    ['an unknown op', { op: 'billing.delete' }],
    ['an extra url key', { op: 'billing.get', freshness: 'cached', url: 'http://evil.example/' }],
    ['an extra key on a keyless op', { op: 'access.get', url: 'http://evil.example/' }],
    ['a tenant id with SQL', { op: 'billing.get', tenantId: 'belgo-001; DROP', freshness: 'cached' }],
    ['a path tenant id', { op: 'billing.get', tenantId: '../x', freshness: 'cached' }],
    ['the platform pseudo-tenant', { op: 'billing.get', tenantId: '__platform__', freshness: 'cached' }],
    ['a URL as tenant id', { op: 'tenant.select', tenantId: 'http://evil' }],
    ['a lower-case tenant id', { op: 'tenant.select', tenantId: 'belgo-001' }],
    ['a missing freshness', { op: 'billing.get', tenantId: 'BELGO-001' }],
    ['an unknown freshness', { op: 'billing.get', freshness: 'stale' }],
    ['an extra key in the session', { op: 'session.report', session: { token: 'x', userData: null, currentTenant: null, url: 'x' } }],
    ['an oversized token', { op: 'session.report', session: { token: 'x'.repeat(8193), userData: null, currentTenant: null } }],
    ['null', null],
    ['a string', 'billing.get'],
    ['an array', [{ op: 'access.get' }]],
  ])('refuses %s', (_, message) => {
    expect(parseRequest(message)).toBeNull();
  });
});

describe('session.report', () => {
  it('from an extension page is refused and stores nothing', async () => {
    const reply = await handleRequest(POPUP, { op: 'session.report', session: page(withTenantClaim()) });
    expect(reply).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(host.requests).toHaveLength(0);
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it('from the dashboard with an ADMIN token answers the access the host grants', async () => {
    expect(await report(withTenantClaim({ role: 'ADMIN' }))).toEqual({
      ok: true,
      value: { signedIn: true, canSeeBilling: true, role: 'ADMIN' },
    });
    // The tenant list is asked for alongside, for the billing request that follows; and since
    // the token's own role and tenant claims say so, the figures too, beside the access check.
    const urls = host.urls();
    expect(urls).toContain(`${ORIGIN}/api/user/permissions`);
    expect(urls).toContain(`${ORIGIN}/api/user/tenants`);
    expect(urls.findIndex((url) => url.includes('/billing/'))).toBeLessThan(urls.indexOf(`${ORIGIN}/api/user/permissions`) + 3);
  });

  it('starts the figures before the host has answered the access check', async () => {
    // TECH-001: another tenant than the other tests', whose leftover work may still be running.
    const token = mintJwt({ tenant_id: 'TECH-001' });
    const usageRequests = () =>
      host.requests.filter((r) => r.path.startsWith('/api/v1/admin/billing/usage/TECH-001') && r.headers.authorization === `Bearer ${token}`).length;
    const permissions = deferred();
    host.route('/api/user/permissions', { gate: permissions.promise, then: sample('user-permissions.admin-v1-token') });
    const reported = report(token, 'TECH-001');
    await until(() => expect(usageRequests()).toBe(1));
    permissions.resolve();
    expect((await reported).ok).toBe(true);
    const reply = await billing({ freshness: 'cached' });
    expect(reply.ok && reply.value.snapshot.tenantId).toBe('TECH-001');
    // The figures fetched early are the ones answered: no second request.
    expect(usageRequests()).toBe(1);
  });

  it('figures fetched early are answered to nobody the host then refuses', async () => {
    // The token claims ADMIN, the host's own permission list says otherwise: the host wins.
    host.route('/api/user/permissions', sample('user-permissions.developer'));
    const reply = await report(withTenantClaim({ role: 'ADMIN' }));
    expect(reply.ok && reply.value.canSeeBilling).toBe(false);
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(await handleRequest(POPUP, { op: 'tenants.get' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
  });

  it('two reports at once (tabs restored together) ask the host once for access and once for the figures', async () => {
    const token = withTenantClaim();
    const requests = (prefix: string) =>
      host.requests.filter((r) => r.path.startsWith(prefix) && r.headers.authorization === `Bearer ${token}`).length;
    const [first, second] = await Promise.all([report(token), report(token)]);
    expect(first.ok && second.ok).toBe(true);
    const reply = await billing({ freshness: 'cached' });
    expect(reply.ok).toBe(true);
    expect(requests('/api/v1/admin/billing/usage/')).toBe(1);
    expect(requests('/api/user/permissions')).toBe(1);
  });

  it('a DEVELOPER cannot see billing, and billing.get asks the host for nothing', async () => {
    host.route('/api/user/permissions', sample('user-permissions.developer'));
    expect(await report(withTenantClaim({ role: 'DEVELOPER', sub: 'tech_dev' }), 'TECH-001')).toEqual({
      ok: true,
      value: { signedIn: true, canSeeBilling: false, role: 'DEVELOPER' },
    });
    // Its role claim says no billing either: nothing was fetched early.
    expect(host.urls().filter((url) => url.includes('/billing/'))).toEqual([]);
    host.clear();
    expect(await billing({ freshness: 'force' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(host.requests).toHaveLength(0);
  });

  it('keeps the token in storage.session only, never in local or sync', async () => {
    const token = withTenantClaim();
    await report(token);
    await billing({ freshness: 'force' });
    await handleRequest(POPUP, { op: 'tenant.select', tenantId: 'BELGO-001' });
    expect(await allStorageText('session')).toContain(token);
    expect(await allStorageText('local')).not.toContain(token);
    expect(await allStorageText('sync')).not.toContain(token);
    // Not even a part of it (the payload) is written outside the session area.
    expect(await allStorageText('local')).not.toContain(token.split('.')[1]);
  });

  it('an expired token is no session: billing.get is signedOut and nothing is requested', async () => {
    const token = withTenantClaim({ exp: Math.floor(Date.now() / 1000) - 60 });
    expect(await report(token)).toEqual({ ok: true, value: { signedIn: false, canSeeBilling: false, role: null } });
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'signedOut' } });
    expect(host.requests).toHaveLength(0);
    expect(await allStorageText('session')).not.toContain(token);
  });

  it('a new token drops the figures cached for the last person', async () => {
    await report(withTenantClaim({ sub: 'belgo_admin' }));
    expect((await billing({ freshness: 'force' })).ok).toBe(true);
    expect(Object.keys(await fakeBrowser.storage.session.get()).some((k) => k.startsWith('billing:'))).toBe(true);
    await report(withTenantClaim({ sub: 'tech_admin' }), 'TECH-001');
    expect(Object.keys(await fakeBrowser.storage.session.get()).some((k) => k.startsWith('billing:'))).toBe(false);
  });

  it('a page without a token signs the origin out', async () => {
    const token = withTenantClaim();
    await report(token);
    await billing({ freshness: 'force' });
    expect(await report(null)).toEqual({ ok: true, value: { signedIn: false, canSeeBilling: false, role: null } });
    const session = await allStorageText('session');
    expect(session).not.toContain(token);
    expect(session).not.toContain('billing:');
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'signedOut' } });
  });
});

describe('a 401 from the host', () => {
  it('during billing.get signs out: the session leaves storage.session', async () => {
    const token = withTenantClaim();
    await report(token);
    expect((await billing({ freshness: 'force' })).ok).toBe(true);
    host.setRoutes({ '/api/': AUTH_REQUIRED });
    expect(await billing({ freshness: 'force' })).toEqual({ ok: false, error: { kind: 'signedOut' } });
    const session = await allStorageText('session');
    expect(session).not.toContain(token);
    expect(session).not.toContain('billing:');
    expect(await handleRequest(POPUP, { op: 'access.get' })).toEqual({
      ok: true,
      value: { signedIn: false, canSeeBilling: false, role: null },
    });
  });

  it('while reporting the session answers signedOut and keeps nothing', async () => {
    const token = withTenantClaim();
    host.setRoutes({ '/api/': AUTH_REQUIRED });
    expect(await report(token)).toEqual({ ok: false, error: { kind: 'signedOut' } });
    expect(await allStorageText('session')).not.toContain(token);
  });

  it('during a background refresh signs out too', async () => {
    const token = withTenantClaim();
    await report(token);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, refreshMinutes: 0 });
    expect((await billing({ freshness: 'force' })).ok).toBe(true);
    host.setRoutes({ '/api/': AUTH_REQUIRED });
    const stale = await billing({ freshness: 'cached' });
    expect(stale.ok && stale.value.stale).toBe(true);
    await until(() => expect(host.requests.at(-1)?.path.startsWith('/api/v1/admin/billing/usage/')).toBe(true));
    await until(async () => expect(await allStorageText('session')).not.toContain(token));
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'signedOut' } });
  });
});

describe('sign-out races', () => {
  it('a 401 for the previous person does not sign out the person who signed in since', async () => {
    const previous = withTenantClaim();
    const next = withTenantClaim();
    await report(previous);
    const gate = deferred();
    host.route('/api/v1/admin/billing/usage/', { gate: gate.promise, then: AUTH_REQUIRED });
    const pending = billing({ freshness: 'force' });
    await until(() => expect(host.count('/api/v1/admin/billing/usage/')).toBe(1));
    await report(next);
    gate.resolve();
    await pending;
    const stored = await allStorageText('session');
    expect(stored).toContain(next);
    expect(stored).not.toContain(previous);
  });
});

describe('tenant evidence', () => {
  const choose = (tenantId: string, caller: Caller = POPUP) =>
    handleRequest(caller, { op: 'tenant.choose', tenantId }) as Promise<Result<TenantList>>;

  it('the page\'s current tenant alone is no evidence: the person is asked, and the host hears nothing', async () => {
    // The host's login page writes BELGO-001 for everyone; tech_admin's v1 token lists no tenant.
    await report(mintJwt({ sub: 'tech_admin' }), 'BELGO-001');
    expect(await billing({ freshness: 'force' })).toEqual({ ok: false, error: { kind: 'tenantUnconfirmed', hint: 'BELGO-001' } });
    expect(await billing({ tenantId: 'BELGO-001', freshness: 'force' })).toEqual({
      ok: false,
      error: { kind: 'tenantUnconfirmed', hint: 'BELGO-001' },
    });
    expect(host.urls().filter((url) => url.includes('/billing/'))).toEqual([]);
    expect(host.requests.filter((r) => r.headers['x-tenant-id'])).toEqual([]);
  });

  it('a hint that is not a tenant id is not offered', async () => {
    await report(mintJwt(), '<img src=x>');
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'tenantUnconfirmed', hint: null } });
  });

  it('a confirmed tenant is fetched, named as chosen, and remembered for that person only', async () => {
    await report(mintJwt({ sub: 'tech_admin' }), 'BELGO-001');
    const chosen = await choose('TECH-001');
    expect(chosen.ok && chosen.value).toEqual({
      origin: ORIGIN,
      person: 'tech_admin',
      tenants: [{ id: 'TECH-001', name: 'TECH-001', color: null, source: 'chosen' }],
      activeId: 'TECH-001',
      hint: null,
    });
    const reply = await billing({ freshness: 'force' });
    expect(reply.ok && reply.value.snapshot.tenantId).toBe('TECH-001');
    expect(host.urls().filter((url) => url.includes('BELGO-001'))).toEqual([]);
    // The next person on this browser profile starts clean.
    await report(mintJwt({ sub: 'belgo_admin' }), 'BELGO-001');
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'tenantUnconfirmed', hint: 'BELGO-001' } });
    // And the first one is not asked again when they come back.
    await report(mintJwt({ sub: 'tech_admin' }), 'BELGO-001');
    const again = await billing({ freshness: 'cached' });
    expect(again.ok && again.value.tenant).toEqual({ id: 'TECH-001', name: 'TECH-001', color: null, source: 'chosen' });
    expect(await tenantChoicesItem.getValue()).toEqual({ [`${ORIGIN} tech_admin`]: { chosen: ['TECH-001'], active: 'TECH-001' } });
  });

  it('the token\'s claims vouch for its tenants; the page hint picks among them but adds none', async () => {
    const token = mintJwt({ sub: 'consultor', tenant_id: 'BELGO-001' });
    await report(token, 'STARTUP-001');
    const reply = await billing({ freshness: 'force' });
    expect(reply.ok && reply.value.tenant).toEqual({ id: 'BELGO-001', name: 'BELGO-001', color: null, source: 'token' });
    expect(await billing({ tenantId: 'STARTUP-001', freshness: 'force' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(host.urls().filter((url) => url.includes('STARTUP-001'))).toEqual([]);
  });

  it('tenants the host lists come first, with their names; the page hint never joins them', async () => {
    host.route('/api/user/tenants', sample('user-tenants.admin-legacy-token'));
    await report(mintJwt(), 'TECH-001');
    const list = (await handleRequest(POPUP, { op: 'tenants.get' })) as Result<TenantList>;
    expect(list.ok && list.value.tenants.map((t) => [t.id, t.source])).toEqual([['BELGO-001', 'host']]);
    expect(list.ok && list.value.activeId).toBe('BELGO-001');
    expect(await billing({ tenantId: 'TECH-001', freshness: 'force' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(host.urls().filter((url) => url.includes('TECH-001'))).toEqual([]);
    expect(host.requests.filter((r) => r.headers['x-tenant-id'] === 'TECH-001')).toEqual([]);
  });

  it('tenant.select switches among tenants with evidence, for this person, and the next billing.get uses it', async () => {
    host.route('/api/user/tenants', TWO_TENANTS);
    await report(mintJwt());
    // The report starts loading the active tenant's figures: let that finish first.
    await until(() => expect(host.count('/api/v1/admin/billing/usage/BELGO-001?')).toBe(1));
    const selected = (await handleRequest(POPUP, { op: 'tenant.select', tenantId: 'TECH-001' })) as Result<TenantList>;
    expect(selected).toEqual({
      ok: true,
      value: {
        origin: ORIGIN,
        person: 'belgo_admin',
        tenants: [
          { id: 'BELGO-001', name: 'Belgo Arames', color: '#003B4A', source: 'host' },
          { id: 'TECH-001', name: 'Tech Corp', color: '#112233', source: 'host' },
        ],
        activeId: 'TECH-001',
        hint: null,
      },
    });
    host.clear();
    const reply = await billing({ freshness: 'cached' });
    expect(reply.ok && reply.value.tenant.id).toBe('TECH-001');
    expect(host.count('/api/v1/admin/billing/usage/TECH-001?')).toBe(1);
    expect(host.urls().filter((url) => url.includes('BELGO-001'))).toEqual([]);
  });

  it('tenant.select of a tenant without evidence is noAccess and changes nothing', async () => {
    host.route('/api/user/tenants', TWO_TENANTS);
    await report(mintJwt());
    expect(await handleRequest(POPUP, { op: 'tenant.select', tenantId: 'STARTUP-001' })).toEqual({
      ok: false,
      error: { kind: 'noAccess' },
    });
    expect(await tenantChoicesItem.getValue()).toEqual({});
  });

  it('tenant.forget takes a chosen tenant back: the person is asked again', async () => {
    await report(mintJwt());
    await choose('BELGO-001');
    expect((await billing({ freshness: 'cached' })).ok).toBe(true);
    const forgotten = (await handleRequest(POPUP, { op: 'tenant.forget', tenantId: 'BELGO-001' })) as Result<TenantList>;
    expect(forgotten.ok && forgotten.value.tenants).toEqual([]);
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'tenantUnconfirmed', hint: 'BELGO-001' } });
  });

  it('nobody signed in cannot choose a tenant', async () => {
    await report(null);
    expect(await choose('BELGO-001')).toEqual({ ok: false, error: { kind: 'signedOut', neverSignedIn: true } });
    expect(await tenantChoicesItem.getValue()).toEqual({});
  });

  it('tells a first run (no session ever) from a session that ended', async () => {
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'signedOut', neverSignedIn: true } });
    await report(withTenantClaim());
    await report(null);
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'signedOut' } });
    // Only the origin is remembered: no token, no person.
    expect(await allStorageText('local')).not.toContain('eyJ');
  });

  it('connection.check says what the extension sees, for our own pages only', async () => {
    await report(withTenantClaim({ sub: 'belgo_admin' }));
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const refused = (await handleRequest(POPUP, { op: 'connection.check' })) as Result<ConnectionCheck>;
    expect(refused.ok && refused.value).toMatchObject({ permission: false, user: null, tenant: null, family: null });
    contains.mockResolvedValue(true);
    const seen = (await handleRequest(POPUP, { op: 'connection.check' })) as Result<ConnectionCheck>;
    expect(seen.ok && seen.value).toMatchObject({ origin: ORIGIN, permission: true, user: 'belgo_admin', tenant: { id: 'BELGO-001' }, family: 'adminV1', error: null });
    expect(await handleRequest(DASHBOARD, { op: 'connection.check' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
  });

  it('a token that names nobody cannot keep a choice', async () => {
    await report(mintJwt({ sub: '' }), 'BELGO-001');
    expect(await choose('BELGO-001')).toEqual({ ok: false, error: { kind: 'noAccess' } });
  });

  it('figures the host refused (403) are not shown by the next cached read', async () => {
    await report(withTenantClaim());
    expect((await billing({ freshness: 'force' })).ok).toBe(true);
    host.setRoutes({ ...identityRoutes(), '/api/billing/': FORBIDDEN, '/api/v1/': FORBIDDEN });
    expect(await billing({ freshness: 'force' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
  });
});

describe('access fallbacks', () => {
  it('permissions 500 → /api/v1/auth/me decides', async () => {
    host.route('/api/user/permissions', SERVER_ERROR);
    expect(await report(withTenantClaim({ role: 'DEVELOPER' }))).toEqual({
      ok: true,
      value: { signedIn: true, canSeeBilling: true, role: 'ADMIN' },
    });
    expect(host.urls().filter((url) => !url.endsWith('/api/user/tenants'))).toEqual([
      `${ORIGIN}/api/user/permissions`,
      `${ORIGIN}/api/v1/auth/me`,
    ]);
  });

  it('permissions and me both 500 → the token role claim decides', async () => {
    host.route('/api/user/permissions', SERVER_ERROR);
    host.route('/api/v1/auth/me', SERVER_ERROR);
    expect(await report(withTenantClaim({ role: 'ADMIN' }))).toEqual({
      ok: true,
      value: { signedIn: true, canSeeBilling: true, role: 'ADMIN' },
    });
    expect(await report(withTenantClaim({ role: 'DEVELOPER' }))).toEqual({
      ok: true,
      value: { signedIn: true, canSeeBilling: false, role: 'DEVELOPER' },
    });
  });

  it('no claim → the role the page recorded in user_data', async () => {
    host.setRoutes({ '/api/': { refuse: true } });
    expect(await report(withTenantClaim({ role: null }), 'BELGO-001', JSON.stringify({ role: 'ADMIN' }))).toEqual({
      ok: true,
      value: { signedIn: true, canSeeBilling: true, role: 'ADMIN' },
    });
  });

  it('an unreadable permissions answer (HTML) also falls back to me', async () => {
    host.route('/api/user/permissions', { status: 200, body: '<html>login</html>', contentType: 'text/html' });
    host.route('/api/v1/auth/me', json(200, { username: 'tech_dev', email: null, role: 'DEVELOPER', active: true }));
    expect(await report(withTenantClaim({ role: 'ADMIN' }))).toEqual({
      ok: true,
      value: { signedIn: true, canSeeBilling: false, role: 'DEVELOPER' },
    });
  });

  it('the decision is asked once per token', async () => {
    const token = withTenantClaim();
    await report(token);
    await handleRequest(POPUP, { op: 'access.get' });
    await billing({ freshness: 'cached' });
    expect(host.count('/api/user/permissions')).toBe(1);
  });
});

describe('what the popup paints first (readShownView)', () => {
  const choose = (tenantId: string) => handleRequest(POPUP, { op: 'tenant.choose', tenantId });

  it('the figures last answered for the active tenant, read without asking the background', async () => {
    await report(withTenantClaim());
    const reply = await billing({ freshness: 'force' });
    expect(reply.ok).toBe(true);
    await until(async () => expect(await readShownView()).toEqual(reply.ok && reply.value));
  });

  it('marks them stale as of now, by the person\'s refresh interval', async () => {
    await report(withTenantClaim());
    const reply = await billing({ freshness: 'force' });
    const fetchedAt = reply.ok ? reply.value.snapshot.fetchedAt : 0;
    await until(async () => expect(await readShownView(fetchedAt + 60_000)).not.toBeNull());
    expect((await readShownView(fetchedAt + 60_000))?.stale).toBe(false);
    expect((await readShownView(fetchedAt + 5 * 60_000))?.stale).toBe(true);
    await updateSettings({ refreshMinutes: 30 });
    expect((await readShownView(fetchedAt + 5 * 60_000))?.stale).toBe(false);
  });

  it('nothing once another person signs in, even before the background has forgotten them', async () => {
    await report(withTenantClaim({ sub: 'belgo_admin' }));
    const reply = await billing({ freshness: 'force' });
    await until(async () => expect(await readShownView()).not.toBeNull());
    await report(withTenantClaim({ sub: 'tech_admin' }), 'TECH-001');
    expect(await readShownView()).toBeNull();
    // A record left for someone else (a write racing the sign-in) is not theirs to see.
    await rememberShownView(ORIGIN, 'belgo_admin', reply.ok ? reply.value : (undefined as never));
    expect(await readShownView()).toBeNull();
  });

  it('nothing after a sign-out, a refusal, or for a dashboard no longer configured', async () => {
    await report(withTenantClaim());
    await billing({ freshness: 'force' });
    await until(async () => expect(await readShownView()).not.toBeNull());
    await updateSettings({ dashboardOrigin: 'https://other.example' });
    expect(await readShownView()).toBeNull();
    await updateSettings({ dashboardOrigin: ORIGIN });
    expect(await readShownView()).not.toBeNull();
    host.route('/api/v1/admin/billing/usage/', FORBIDDEN);
    expect((await billing({ freshness: 'force' })).ok).toBe(false);
    await until(async () => expect(await readShownView()).toBeNull());
    host.route('/api/v1/admin/billing/usage/', adminUsageRoute);
    await billing({ freshness: 'force' });
    await until(async () => expect(await readShownView()).not.toBeNull());
    await report(null);
    expect(await readShownView()).toBeNull();
  });

  it('nothing for a tenant switched away from, or a chosen tenant the person took back', async () => {
    await report(mintJwt({ sub: 'tech_admin' }), 'BELGO-001');
    await choose('TECH-001');
    await billing({ freshness: 'force' });
    await until(async () => expect((await readShownView())?.tenant.id).toBe('TECH-001'));
    await choose('STARTUP-001');
    expect(await readShownView()).toBeNull();
    await handleRequest(POPUP, { op: 'tenant.select', tenantId: 'TECH-001' });
    expect((await readShownView())?.tenant.id).toBe('TECH-001');
    await handleRequest(POPUP, { op: 'tenant.forget', tenantId: 'TECH-001' });
    expect(await readShownView()).toBeNull();
  });

  it('a tenant asked for by name (the full page) is not what the popup paints', async () => {
    host.route('/api/user/tenants', TWO_TENANTS);
    await report(mintJwt());
    await billing({ freshness: 'force' });
    await until(async () => expect((await readShownView())?.tenant.id).toBe('BELGO-001'));
    await billing({ tenantId: 'TECH-001', freshness: 'force' });
    expect((await readShownView())?.tenant.id).toBe('BELGO-001');
  });
});

describe('a browser that refuses to store the session', () => {
  it('is said as such, not as "signed out", until a session is stored', async () => {
    const refusing = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('storage is gone'));
    expect(await report(mintJwt())).toEqual({ ok: false, error: { kind: 'storage' } });
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'storage' } });
    refusing.mockRestore();
    expect((await report(mintJwt({ tenant_id: 'BELGO-001' }))).ok).toBe(true);
    expect((await billing({ freshness: 'cached' })).ok).toBe(true);
  });
});

describe('page.openFull', () => {
  it('opens the extension page in a new tab, with the tenant in the hash', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    expect(await handleRequest(DASHBOARD, { op: 'page.openFull', tenantId: 'BELGO-001' })).toEqual({ ok: true, value: null });
    expect(create).toHaveBeenCalledWith({ url: browser.runtime.getURL('/billing.html#tenant=BELGO-001') });
  });
});

describe('the full path through runtime.onMessage', () => {
  async function startBackground(): Promise<void> {
    // The fake browser leaves the permissions events unimplemented; nothing here grants or withdraws.
    vi.spyOn(browser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(browser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
    const background = (await import('@/entrypoints/background')).default as unknown as { main: () => void };
    background.main();
  }

  /** As the browser delivers it: the listener answers through sendResponse (and returns true). */
  function send(message: unknown, from: Record<string, unknown>): Promise<unknown> {
    return new Promise((resolve) => {
      // The fake's types stop at (message, sender); it passes every argument on.
      const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
      void trigger(message, sender(from), resolve).then((returned) => expect(returned).toEqual([true]));
    });
  }

  const popup = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
  const tab = () => ({ id: browser.runtime.id, url: `${ORIGIN}/`, tab: { id: 3 }, frameId: 0 });

  it('a dashboard tab reports the session and the popup reads the figures', async () => {
    await startBackground();
    expect(await send({ op: 'session.report', session: page(withTenantClaim()) }, tab())).toEqual({
      ok: true,
      value: { signedIn: true, canSeeBilling: true, role: 'ADMIN' },
    });
    const reply = (await send({ op: 'billing.get', freshness: 'cached' }, popup())) as Result<BillingView>;
    expect(reply.ok && reply.value.snapshot.usage.total.cents).toBe(2702);
  });

  it('a request whose handling fails gets no answer, which the asker reads as offline', async () => {
    await startBackground();
    const reading = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage is gone'));
    expect(await send({ op: 'access.get' }, popup())).toBeUndefined();
    reading.mockRestore();
  });

  it('a stranger or a malformed request gets noAccess and the host hears nothing', async () => {
    await startBackground();
    await send({ op: 'session.report', session: page(withTenantClaim()) }, tab());
    // A new session repaints the badge, which loads the figures once: let that finish first.
    await until(() => expect(host.requests.some((r) => r.path.startsWith('/api/v1/admin/billing/usage/'))).toBe(true));
    host.clear();
    const refused = { ok: false, error: { kind: 'noAccess' } };
    expect(await send({ op: 'billing.get', freshness: 'cached' }, { ...popup(), id: 'other-extension' })).toEqual(refused);
    expect(await send({ op: 'billing.get', freshness: 'cached' }, { ...tab(), frameId: 2 })).toEqual(refused);
    expect(await send({ op: 'billing.get', freshness: 'cached', url: 'http://evil/' }, popup())).toEqual(refused);
    expect(await send({ op: 'billing.get', tenantId: '../x', freshness: 'cached' }, popup())).toEqual(refused);
    expect(host.requests).toHaveLength(0);
  });
});
