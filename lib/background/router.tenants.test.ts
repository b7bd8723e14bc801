/**
 * The router and the person's tenants: only tenants with evidence (the host's list, the token's
 * claims, the person's own choice) are ever fetched; choices are per person; select and forget.
 */
import { describe, expect, it } from 'vitest';
import { handleRequest } from '@/lib/background/router';
import type { Result } from '@/lib/billing/model';
import type { TenantList } from '@/lib/protocol/replies';
import { tenantChoicesItem } from '@/lib/storage/tenant-choices';
import { POPUP, TWO_TENANTS, allStorageText, billing, choose, host, identityRoutes, report, setUpRouterTests, withTenantClaim } from '@/lib/background/router.support';
import { FORBIDDEN, ORIGIN, mintJwt, sample, until } from '@/tests/support/fake-host';

setUpRouterTests();

describe('tenant evidence', () => {
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
