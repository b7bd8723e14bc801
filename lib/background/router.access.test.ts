/**
 * Who may see billing when the host's best signals fail: its permission list, then
 * /api/v1/auth/me, then the token's role claim, then the role the page recorded.
 */
import { describe, expect, it } from 'vitest';
import { handleRequest } from '@/lib/background/router';
import { POPUP, billing, host, report, setUpRouterTests, withTenantClaim } from '@/lib/background/router.support';
import { ORIGIN, SERVER_ERROR, json } from '@/tests/support/fake-host';

setUpRouterTests();

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
