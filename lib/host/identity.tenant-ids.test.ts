/**
 * A tenant id the host names, in /api/user/tenants or in the token's claims, passes the same
 * pattern as one a person types: `BELGO-001|2026-10` would share a cache key with BELGO-001's
 * October, `../x` would walk the billing URL. Such an id is dropped, so never shown nor fetched.
 */
import { describe, expect, it } from 'vitest';
import { decodeJwtClaims, parseUserTenants } from '@/lib/host/identity';

const HOSTILE = ['BELGO-001|2026-10', '../x', 'belgo-001', ' TECH-001', 'X'.repeat(41), ''];
const tenant = (tenant_id: string) => ({ tenant_id, name: `Nome ${tenant_id}`, branding: null });

describe('tenant ids the host names', () => {
  it('/api/user/tenants: only ids that pass the pattern are listed; a current that fails is none', () => {
    const parsed = parseUserTenants({ tenants: [...HOSTILE, 'TECH-001'].map(tenant), current: 'BELGO-001|2026-10', can_switch: true });
    expect(parsed).toEqual({ ok: true, value: { tenants: [{ id: 'TECH-001', name: 'Nome TECH-001', color: null }], current: null } });
    expect(parseUserTenants({ tenants: [tenant('../x')], current: '../x' })).toEqual({ ok: true, value: { tenants: [], current: null } });
  });

  it("the token's tenant_id and tenant_ids claims: the same", () => {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    expect(decodeJwtClaims(`h.${enc({ sub: 'x', tenant_id: 'BELGO-001|2026-10', tenant_ids: [...HOSTILE, 'TECH-001'] })}.s`)).toEqual({
      sub: 'x',
      tenantIds: ['TECH-001'],
    });
    expect(decodeJwtClaims(`h.${enc({ tenant_id: '../x' })}.s`)).toEqual({});
  });
});
