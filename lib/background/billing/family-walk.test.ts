/**
 * fetchSnapshot: the walk down the families on each host state (docs/host.md §4) under the rules of
 * lib/background/billing/family-policy.ts, and exactly what is requested.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchSnapshot, type WalkStart } from '@/lib/background/billing/family-walk';
import type { BillingSnapshot, Family, Result } from '@/lib/billing/model';
import {
  AUTH_REQUIRED,
  FORBIDDEN,
  NOT_FOUND,
  ORIGIN,
  SERVER_ERROR,
  TENANT_NOT_RESOLVED,
  createFakeHost,
  json,
  mintJwt,
  sample,
  seedRoutes,
  todayRoutes,
  type FakeHost,
} from '@/tests/support/fake-host';

const NOW = new Date('2026-11-25T12:00:00Z');
// Route prefixes as the fake hosts below name them (the longest prefix wins).
const TENANT_USAGE = '/api/v1/billing/current-usage';
const ADMIN_USAGE = '/api/v1/admin/billing/usage/';
const PANEL = '/api/billing/';
const TENANT = 'BELGO-001';

const URLS = {
  panelUsage: `${ORIGIN}/api/billing/usage?tenant_id=BELGO-001&period=month`,
  panelInvoices: `${ORIGIN}/api/billing/invoices?tenant_id=BELGO-001&limit=50`,
  panelProjections: `${ORIGIN}/api/billing/projections?tenant_id=BELGO-001`,
  panelTimeline: `${ORIGIN}/api/billing/timeline?tenant_id=BELGO-001&days=30`,
  tenantUsage: `${ORIGIN}/api/v1/billing/current-usage?period_type=monthly`,
  tenantInvoices: `${ORIGIN}/api/v1/billing/invoices?page=1&limit=50`,
  adminUsage: `${ORIGIN}/api/v1/admin/billing/usage/BELGO-001?month=2026-11`,
};

let host: FakeHost;
/** The login page's token: no tenant claim (docs/host.md §3, "Which token works where"). */
let v1Token: string;
/** The legacy login's token: with the tenant claim. */
let legacyToken: string;

beforeEach(() => {
  v1Token = mintJwt({ role: 'ADMIN' });
  legacyToken = mintJwt({ role: 'ADMIN', tenant_id: TENANT });
});

function useHost(routes: Parameters<typeof createFakeHost>[0]): void {
  host = createFakeHost(routes);
  vi.stubGlobal('fetch', host.fetch);
}

function walk(start: Partial<WalkStart> = {}, options: { token?: string; tenantId?: string } = {}) {
  return fetchSnapshot(ORIGIN, options.tenantId ?? TENANT, options.token ?? legacyToken, {
    known: null,
    dropped: [],
    signal: new AbortController().signal,
    now: NOW,
    ...start,
  });
}

function snapshotOf(result: Result<BillingSnapshot>): BillingSnapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const fixedRoutes = () => ({
  '/api/billing/': NOT_FOUND,
  '/api/v1/billing/current-usage': sample('v1-current-usage.if-tenant-resolved'),
  '/api/v1/billing/invoices': sample('v1-invoices.if-tenant-resolved'),
  '/api/v1/admin/billing/usage/': sample('v1-admin-usage.admin-v1-token'),
});

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
