/**
 * A 401 from the host signs the person out, wherever it is heard (the access check, a billing
 * request, a refresh behind cached figures), and only the token the host refused.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getBilling } from '@/lib/background/billing/cache';
import { handleRequest } from '@/lib/background/router';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { readShownView } from '@/lib/storage/shown-view';
import { NORMAL, POPUP, allStorageText, billing, host, report, setUpRouterTests, withTenantClaim } from '@/lib/background/router.support';
import { AUTH_REQUIRED, adminUsageRoute, deferred, until } from '@/tests/support/fake-host';

const USAGE = '/api/v1/admin/billing/usage/';

setUpRouterTests();
afterEach(() => vi.useRealTimers());

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
    expect((await billing({ freshness: 'force' })).ok).toBe(true);
    // Past the refresh interval: the cached figures are answered, and refreshed behind them.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (DEFAULT_SETTINGS.refreshMinutes + 1) * 60_000);
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

  it('a refresh behind cached figures that hears the previous token refused signs only that token out', async () => {
    const previous = withTenantClaim();
    const next = withTenantClaim();
    await report(previous);
    await report(next);
    expect((await billing({ freshness: 'force' })).ok).toBe(true);
    await until(async () => expect(await readShownView()).not.toBeNull());
    // A read still going for the previous session (the figures stale for it: ttlMs 0) hears its 401.
    host.route(USAGE, (request) => (request.headers.authorization === `Bearer ${previous}` ? AUTH_REQUIRED : adminUsageRoute(request)));
    const stale = await getBilling({ ...NORMAL, tenantId: 'BELGO-001', token: previous, ttlMs: 0, freshness: 'cached' });
    expect(stale.ok && stale.value.stale).toBe(true);
    await until(async () => expect(await allStorageText('session')).not.toContain('billing:'));
    // The person signed in now keeps their session and what was known of them.
    expect(await allStorageText('session')).toContain(next);
    expect(await readShownView()).not.toBeNull();
  });
});
