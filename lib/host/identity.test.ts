// @vitest-environment node
/**
 * Who is asking: permissions, auth/me, the user's tenants and the claims of a login token. The
 * recorded answers, junk, and the edges (roles, the platform entry, brand colours, bad tokens).
 */
import { describe, expect, it } from 'vitest';
import {
  decodeJwtClaims,
  parseAuthMe,
  parsePermissions,
  parseUserTenants,
  roleCanSeeBilling,
} from '@/lib/host/identity';
import { describeNeverThrows, detailOf, expectOk, sampleBody } from '@/tests/support/host-reads';
import { loadSample } from '@/tests/support/samples';

describe('identity', () => {
  it.each(['user-permissions.admin-legacy-token', 'user-permissions.admin-v1-token'])(
    '%s → ADMIN can see billing',
    (name) => {
      expect(expectOk(parsePermissions(loadSample(name).body))).toEqual({
        role: 'ADMIN',
        canSeeBilling: true,
      });
    },
  );

  it('developer permissions → cannot see billing', () => {
    expect(expectOk(parsePermissions(loadSample('user-permissions.developer').body))).toEqual({
      role: 'DEVELOPER',
      canSeeBilling: false,
    });
  });

  it.each(['auth-me.admin-legacy-token', 'auth-me.admin-v1-token'])('%s → ADMIN (email null)', (name) => {
    expect(expectOk(parseAuthMe(loadSample(name).body))).toEqual({ role: 'ADMIN' });
  });

  it('super-admin tenants → 3 tenants, platform dropped', () => {
    const t = expectOk(parseUserTenants(loadSample('user-tenants.super-admin').body));
    expect(t.tenants.map((x) => x.id)).toEqual(['BELGO-001', 'TECH-001', 'STARTUP-001']);
    expect(t.tenants[0]).toEqual({
      id: 'BELGO-001',
      name: 'Belgo Arames',
      color: '#003B4A',
    });
    expect(t.current).toBe('BELGO-001');
  });

  it('legacy-token tenants → one membership', () => {
    const t = expectOk(parseUserTenants(loadSample('user-tenants.admin-legacy-token').body));
    expect(t).toEqual({
      tenants: [{ id: 'BELGO-001', name: 'Belgo Arames', color: '#003B4A' }],
      current: 'BELGO-001',
    });
  });

  it('v1-token tenants → empty list, no current', () => {
    const t = expectOk(parseUserTenants(loadSample('user-tenants.admin-v1-token').body));
    expect(t).toEqual({ tenants: [], current: null });
  });

  it('legacy login token carries the tenant claims', () => {
    const body = loadSample('login-legacy.belgo_admin').body as { access_token: string };
    expect(decodeJwtClaims(body.access_token)).toEqual({
      sub: 'belgo_admin',
      role: 'ADMIN',
      tenantId: 'BELGO-001',
      tenantIds: ['BELGO-001'],
      exp: 1795694545,
    });
  });

  it('v1 login token has no tenant claim', () => {
    const body = loadSample('login-v1.belgo_admin').body as { access_token: string };
    expect(decodeJwtClaims(body.access_token)).toEqual({
      sub: 'belgo_admin',
      role: 'ADMIN',
      exp: 1795694545,
    });
  });
});

describeNeverThrows([
  ['parsePermissions', parsePermissions],
  ['parseAuthMe', parseAuthMe],
  ['parseUserTenants', parseUserTenants],
]);

describe('strings from the host', () => {
  it('drops badly formed brand colours', () => {
    const body = sampleBody('user-tenants.super-admin');
    body.tenants[1].branding.primary_color = 'red;background:url(x)';
    body.tenants[2].branding = null;
    const t = parseUserTenants(body);
    expect(t.ok && t.value.tenants.map((x) => x.color)).toEqual([null, null, '#10B981']);
  });
});

describe('identity edges', () => {
  it('roleCanSeeBilling', () => {
    expect(roleCanSeeBilling('ADMIN')).toBe(true);
    expect(roleCanSeeBilling('SUPER_ADMIN')).toBe(true);
    expect(roleCanSeeBilling(' admin ')).toBe(true);
    expect(roleCanSeeBilling('DEVELOPER')).toBe(false);
    expect(roleCanSeeBilling('PROJECT_MANAGER')).toBe(false);
    expect(roleCanSeeBilling('')).toBe(false);
    expect(roleCanSeeBilling(null as unknown as string)).toBe(false);
  });

  it('permissions: manage counts, absent billing does not', () => {
    expect(parsePermissions({ role: 'SUPER_ADMIN', permissions: { billing: ['manage'] } })).toEqual({
      ok: true,
      value: { role: 'SUPER_ADMIN', canSeeBilling: true },
    });
    expect(parsePermissions({ role: 'X', permissions: null })).toEqual({
      ok: true,
      value: { role: 'X', canSeeBilling: false },
    });
    expect(parsePermissions({ role: 'X', permissions: { billing: ['write'] } })).toMatchObject({
      ok: true,
      value: { canSeeBilling: false },
    });
    expect(detailOf(parsePermissions({ role: 1 }))).toBe('permissions.role: expected string, got integer');
  });

  it('auth me without role fails', () => {
    expect(detailOf(parseAuthMe({ username: 'x', email: null }))).toBe(
      'authMe.role: missing (expected string)',
    );
  });

  it('platform entry is dropped even when it is current', () => {
    const t = parseUserTenants({
      tenants: [
        { tenant_id: '__platform__', name: 'Platform', is_platform: true, is_current: true },
        { tenant_id: 'T-1', name: null },
      ],
      current: '__platform__',
      can_switch: true,
    });
    expect(t).toEqual({
      ok: true,
      value: { tenants: [{ id: 'T-1', name: 'T-1', color: null }], current: null },
    });
  });

  it('decodeJwtClaims never throws', () => {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const cases: unknown[] = [
      '',
      'x',
      'a.b',
      'a.b.c',
      'a.!!!.c',
      `h.${enc([1, 2])}.s`,
      `h.${enc('str')}.s`,
      `h.${enc(null)}.s`,
      `h.${'A'.repeat(100_000)}.s`,
      null,
      42,
      {},
    ];
    for (const token of cases) {
      expect(() => decodeJwtClaims(token as string)).not.toThrow();
      expect(decodeJwtClaims(token as string)).toBeNull();
    }
  });

  it('decodeJwtClaims reads UTF-8, ignores wrongly typed claims, accepts "Bearer "', () => {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `h.${enc({ sub: 'joão', role: 5, exp: 'soon', tenant_ids: ['A', 3, 'B'] })}.s`;
    expect(decodeJwtClaims(token)).toEqual({ sub: 'joão', tenantIds: ['A', 'B'] });
    expect(decodeJwtClaims(`Bearer ${token}`)).toEqual({ sub: 'joão', tenantIds: ['A', 'B'] });
  });
});
