/**
 * fetchSnapshot under the rules of ./family-policy.ts: a family is dropped only when the host
 * says it is not there; a transient failure keeps it; an answer about another tenant is skipped.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_USAGE, PANEL, TENANT, TENANT_USAGE, URLS, fixedRoutes, host, setUpWalkTests, snapshotOf, useHost, v1Token, walk } from '@/lib/background/billing/family-walk.support';
import { FORBIDDEN, NOT_FOUND, SERVER_ERROR, TENANT_NOT_RESOLVED, json, mintJwt, sample, seedRoutes, todayRoutes } from '@/tests/support/fake-host';

setUpWalkTests();

describe('dropping a family: only when the host says it is not there', () => {
  it.each([
    ['404', NOT_FOUND],
    ['405', json(405, { detail: 'Method Not Allowed' })],
    ['403', FORBIDDEN],
    ['401 Tenant nao identificado', TENANT_NOT_RESOLVED],
  ])('%s drops it and the next family answers', async (_name, reply) => {
    useHost({ ...fixedRoutes(), [TENANT_USAGE]: reply });
    const { result, dropped } = await walk();
    expect(snapshotOf(result).family).toBe('adminV1');
    expect(dropped).toEqual(['tenantV1']);
  });

  it("the panel's 500 to a token without tenant claims is systematic: dropped", async () => {
    useHost({ ...seedRoutes(), [ADMIN_USAGE]: FORBIDDEN, '/api/billing/usage': sample('panel-usage.admin-v1-token') });
    const { result, dropped } = await walk({}, { token: v1Token });
    expect(result).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(dropped).toEqual(['tenantV1', 'adminV1', 'panel']);
  });

  it('the same 500 to a token with a tenant claim is a hiccup: kept, and said', async () => {
    useHost({ ...seedRoutes(), [ADMIN_USAGE]: FORBIDDEN, '/api/billing/usage': SERVER_ERROR });
    const { result, dropped } = await walk({ known: 'panel' });
    expect(result).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
    expect(dropped).toEqual(['tenantV1', 'adminV1']);
  });

  it('dropped families are not asked again', async () => {
    useHost(todayRoutes());
    const { result } = await walk({ known: 'adminV1', dropped: ['tenantV1'] });
    expect(snapshotOf(result).family).toBe('adminV1');
    expect(host.urls()).toEqual([URLS.adminUsage]);
  });

  it('once every family was dropped, the walk starts over (a host fixed later is noticed)', async () => {
    useHost(fixedRoutes());
    const { result, dropped } = await walk({ dropped: ['tenantV1', 'adminV1', 'panel'] });
    expect(snapshotOf(result).family).toBe('tenantV1');
    expect(dropped).toEqual([]);
  });

  it('a dropped family that answers again is no longer dropped', async () => {
    useHost(todayRoutes());
    const { dropped } = await walk({ dropped: ['tenantV1', 'adminV1', 'panel'] });
    expect(dropped).toEqual(['tenantV1']);
  });
});

describe('a transient failure keeps the family', () => {
  it.each([
    ['500', SERVER_ERROR],
    ['502', json(502, {})],
    ['429', { ...json(429, { detail: 'Too Many Requests' }) }],
    ['HTML', { status: 200, body: '<html>login</html>', contentType: 'text/html' }],
    ['refused connection', { refuse: true } as const],
  ])('%s on the known family: no other family is asked, nothing is dropped', async (_name, reply) => {
    useHost({ ...todayRoutes(), [ADMIN_USAGE]: reply, [PANEL]: sample('panel-usage.admin') });
    const { result, dropped } = await walk({ known: 'adminV1', dropped: ['tenantV1'] });
    expect(result.ok).toBe(false);
    expect(host.urls()).toEqual([URLS.adminUsage]);
    expect(dropped).toEqual(['tenantV1']);
  });

  it('with nothing known yet, a hiccup on the truest family stops the walk: the panel never stands in', async () => {
    useHost({ ...seedRoutes(), [TENANT_USAGE]: SERVER_ERROR });
    const { result, dropped } = await walk();
    expect(result).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
    expect(host.urls()).toEqual([URLS.tenantUsage]);
    expect(dropped).toEqual([]);
  });

  it('a hiccup on a truer family goes on to the family last seen answering, no further', async () => {
    useHost({ ...seedRoutes(), [TENANT_USAGE]: SERVER_ERROR, [ADMIN_USAGE]: FORBIDDEN });
    const { result } = await walk({ known: 'panel' }, { token: mintJwt({ role: 'SUPER_ADMIN', tenant_id: TENANT }) });
    expect(snapshotOf(result).family).toBe('panel');
  });

  it('a known family dropped since is known no more: a hiccup above it stops the walk', async () => {
    useHost({ ...seedRoutes(), [TENANT_USAGE]: SERVER_ERROR });
    const { result } = await walk({ known: 'adminV1', dropped: ['adminV1'] });
    expect(result).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
    expect(host.count('/api/billing/')).toBe(0);
  });
});

describe('an answer about another tenant', () => {
  const otherTenant = () => {
    const body = structuredClone(sample('v1-current-usage.if-tenant-resolved').body) as Record<string, unknown>;
    return json(200, { ...body, tenant_id: 'TECH-001' });
  };

  it('is skipped: the next family gives this tenant\'s bill, the skipped one is asked again next time', async () => {
    useHost({ ...fixedRoutes(), [TENANT_USAGE]: otherTenant() });
    const { result, dropped } = await walk();
    expect(snapshotOf(result).family).toBe('adminV1');
    expect(dropped).toEqual([]);
  });

  it('from every family is "another tenant", never figures under this one', async () => {
    const admin = structuredClone(sample('v1-admin-usage.admin-v1-token').body) as Record<string, unknown>;
    useHost({ ...fixedRoutes(), [TENANT_USAGE]: otherTenant(), [ADMIN_USAGE]: json(200, { ...admin, tenant_id: 'TECH-001' }) });
    expect((await walk()).result).toEqual({ ok: false, error: { kind: 'otherTenant' } });
  });

  it('an invoice row naming another tenant withdraws the list, not the usage', async () => {
    const page = { invoices: [{ invoice_id: 'INV-9', tenant_id: 'TECH-001', total_cents: 100, status: 'paid' }] };
    useHost({ ...fixedRoutes(), '/api/v1/billing/invoices': json(200, page) });
    const snap = snapshotOf((await walk()).result);
    expect(snap.family).toBe('tenantV1');
    expect(snap.invoices).toEqual({ ok: false, error: { kind: 'otherTenant' } });
  });
});
