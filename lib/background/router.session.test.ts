/**
 * session.report: only a dashboard tab reports the page's session; what the host grants it; the
 * figures started early; the token kept in storage.session only; a new person starts clean.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleRequest } from '@/lib/background/router';
import { POPUP, allStorageText, billing, host, page, report, setUpRouterTests, withTenantClaim } from '@/lib/background/router.support';
import { ORIGIN, deferred, mintJwt, sample, until } from '@/tests/support/fake-host';

setUpRouterTests();

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
