/**
 * fetchSnapshot: the walk down the families on each host state (docs/host.md §4), truest first,
 * and exactly what is requested; where it stops; what the family known to answer loads at once.
 * Which failures drop a family or keep it: ./family-walk.dropping.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Family } from '@/lib/billing/model';
import { ADMIN_USAGE, TENANT, URLS, fixedRoutes, host, legacyToken, setUpWalkTests, snapshotOf, useHost, v1Token, walk } from '@/lib/background/billing/family-walk.support';
import { AUTH_REQUIRED, FORBIDDEN, ORIGIN, mintJwt, sample, seedRoutes, todayRoutes } from '@/tests/support/fake-host';

setUpWalkTests();

describe('truest family first', () => {
  it('today: tenant v1 is not wired (dropped), admin v1 gives the bill, the panel is never asked', async () => {
    useHost(todayRoutes());
    const { result, dropped } = await walk({}, { token: v1Token });
    const snap = snapshotOf(result);
    expect(snap).toMatchObject({ origin: ORIGIN, tenantId: TENANT, family: 'adminV1', simulated: false });
    expect(snap.usage.total).toEqual({ cents: 2702, currency: 'BRL' });
    expect(snap.usage.metrics).toEqual({
      apiCalls: 120, tokensTotal: 1050000, tokensIn: 660000, tokensOut: 390000, storageMb: 1250, computeMinutes: 120,
    });
    // Admin v1 has no lists at all: "not available", never "none".
    expect(snap.invoices).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    expect(snap.projections).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    expect(snap.timeline).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    expect(host.urls()).toEqual([URLS.tenantUsage, URLS.adminUsage]);
    expect(dropped).toEqual(['tenantV1']);
  });

  it('seed (panel mounted): admin v1 still gives the bill, its real figures over the simulated ones', async () => {
    useHost(seedRoutes());
    const snap = snapshotOf((await walk()).result);
    expect(snap.family).toBe('adminV1');
    expect(snap.usage.total.cents).toBe(2702);
    expect(host.count('/api/billing/')).toBe(0);
  });

  it('seed, SUPER_ADMIN (admin v1 refuses): the panel answers, marked simulated, with all its parts', async () => {
    useHost({ ...seedRoutes(), [ADMIN_USAGE]: sample('v1-admin-usage.super-admin') });
    const { result, dropped } = await walk({}, { token: mintJwt({ role: 'SUPER_ADMIN', tenant_id: TENANT }) });
    const snap = snapshotOf(result);
    expect(snap).toMatchObject({ family: 'panel', simulated: true });
    expect(snap.usage.total).toEqual({ cents: 24580, currency: 'BRL' });
    expect(snap.invoices.ok && snap.invoices.value.invoices.map((i) => i.total.cents)).toEqual([20000, 23650, 27600]);
    expect(snap.projections.ok && snap.projections.value.spent).toEqual({ cents: 24580, currency: 'BRL' });
    expect(snap.timeline.ok && snap.timeline.value).toHaveLength(4);
    expect(dropped).toEqual(['tenantV1', 'adminV1']);
    expect(host.urls().slice(0, 3)).toEqual([URLS.tenantUsage, URLS.adminUsage, URLS.panelUsage]);
    expect([...host.urls().slice(3)].sort()).toEqual([URLS.panelInvoices, URLS.panelProjections, URLS.panelTimeline].sort());
  });

  it('fixed: tenant v1 answers; its invoice 500 is said on the part, with X-Tenant-ID on every request', async () => {
    useHost(fixedRoutes());
    const snap = snapshotOf((await walk()).result);
    expect(snap.family).toBe('tenantV1');
    expect(snap.usage.total).toEqual({ cents: 2702, currency: 'BRL' });
    expect(snap.invoices).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
    expect(host.urls()).toEqual([URLS.tenantUsage, URLS.tenantInvoices]);
    for (const request of host.requests) expect(request.headers['x-tenant-id']).toBe(TENANT);
    for (const request of host.requests) expect(request.headers.authorization).toBe(`Bearer ${legacyToken}`);
  });

  it('builds admin URLs from the tenant id alone', async () => {
    useHost(todayRoutes());
    await walk({}, { tenantId: 'TECH-001' });
    expect(host.urls()[1]).toBe(`${ORIGIN}/api/v1/admin/billing/usage/TECH-001?month=2026-11`);
  });
});

describe('stopping', () => {
  it('signed out stops at once', async () => {
    useHost({ '/api/': AUTH_REQUIRED });
    expect((await walk()).result).toEqual({ ok: false, error: { kind: 'signedOut' } });
    expect(host.urls()).toEqual([URLS.tenantUsage]);
  });

  it('every family refused → noAccess, each asked once', async () => {
    useHost({ '/api/billing/': sample('panel-usage.developer'), '/api/v1/': FORBIDDEN });
    expect((await walk()).result).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(host.urls()).toEqual([URLS.tenantUsage, URLS.adminUsage, URLS.panelUsage]);
  });

  it('nothing mounted at all → notAvailable', async () => {
    useHost({});
    expect((await walk()).result).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    expect(host.requests).toHaveLength(3);
  });

  it('an aborted signal rejects instead of answering', async () => {
    useHost({ '/api/': { hang: true } });
    const controller = new AbortController();
    const pending = walk({ signal: controller.signal });
    controller.abort(new Error('signed out'));
    await expect(pending).rejects.toThrow('signed out');
  });
});

describe('the known family', () => {
  it('loads all its parts at once; an unknown one goes usage first', async () => {
    useHost({ ...seedRoutes(), '/api/v1/': FORBIDDEN });
    const token = mintJwt({ role: 'SUPER_ADMIN', tenant_id: TENANT });
    await walk({ known: 'panel' as Family, dropped: ['tenantV1', 'adminV1'] }, { token });
    expect([...host.urls()].sort()).toEqual([URLS.panelUsage, URLS.panelInvoices, URLS.panelProjections, URLS.panelTimeline].sort());
  });
});
