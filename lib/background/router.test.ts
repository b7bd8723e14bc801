/**
 * The background's front door: what may be asked (parseRequest), what a few operations answer,
 * and the whole path from runtime.onMessage. Each topic of handleRequest has its own file beside
 * this one (router.<topic>.test.ts); who may ask: ./sender.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { handleRequest } from '@/lib/background/router';
import { parseRequest } from '@/lib/protocol/requests';
import type { Result } from '@/lib/billing/model';
import type { BillingView, ConnectionCheck } from '@/lib/protocol/replies';
import { DASHBOARD, POPUP, host, page, report, setUpRouterTests, withTenantClaim } from '@/lib/background/router.support';
import { ORIGIN, until } from '@/tests/support/fake-host';

setUpRouterTests();

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

describe('connection.check', () => {
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
});

describe('overlay.register', () => {
  it('the options page asks the background to make the overlay registration match; a dashboard tab may not', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const registered: { id: string; matches?: string[]; runAt?: string }[] = [];
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => registered as never);
    const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
      registered.push(...(scripts as never[]));
    });
    expect(await handleRequest(DASHBOARD, { op: 'overlay.register' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(register).not.toHaveBeenCalled();
    expect(await handleRequest(POPUP, { op: 'overlay.register' })).toEqual({ ok: true, value: null });
    expect(register).toHaveBeenCalledWith([expect.objectContaining({ matches: [expect.stringContaining('localhost')] })]);
  });
});

describe('page.openFull', () => {
  it("opens the extension page in a new tab, with the tenant and the asking tab's dashboard in the hash", async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    expect(await handleRequest(DASHBOARD, { op: 'page.openFull', tenantId: 'BELGO-001' })).toEqual({ ok: true, value: null });
    const dashboard = encodeURIComponent(DASHBOARD.place.origin);
    expect(create).toHaveBeenCalledWith({ url: browser.runtime.getURL(`/billing.html#tenant=BELGO-001&dashboard=${dashboard}`) });
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
      void trigger(message, from, resolve).then((returned) => expect(returned).toEqual([true]));
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
