/** fetchSnapshot: which endpoint family answers on each host state (docs/host.md §4), and what is requested. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchSnapshot } from '../../lib/background/billing-fetch';
import type { Family } from '../../lib/model';
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
} from './fake-host';

const NOW = new Date('2026-11-25T12:00:00Z');
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
let token: string;

beforeEach(() => {
  token = mintJwt({ role: 'ADMIN' });
});

function useHost(routes: Parameters<typeof createFakeHost>[0]): void {
  host = createFakeHost(routes);
  vi.stubGlobal('fetch', host.fetch);
}

function fetchFor(preferred: Family | null = null, tenantId = TENANT) {
  return fetchSnapshot(ORIGIN, tenantId, token, { preferred, signal: new AbortController().signal, now: NOW });
}

describe('the host as it is today (admin v1 only)', () => {
  it('answers from adminV1 with the sample figures', async () => {
    useHost(todayRoutes());
    const result = await fetchFor();
    if (!result.ok) throw new Error(`expected a snapshot, got ${JSON.stringify(result.error)}`);
    const snap = result.data;
    expect(snap.family).toBe('adminV1');
    expect(snap.origin).toBe(ORIGIN);
    expect(snap.tenantId).toBe(TENANT);
    expect(snap.usage.total).toEqual({ cents: 2702, currency: 'BRL' });
    expect(snap.usage.period).toBe('2026-11');
    expect(snap.usage.metrics).toEqual({
      apiCalls: 120,
      tokensTotal: 1050000,
      tokensIn: 660000,
      tokensOut: 390000,
      storageMb: 1250,
      computeMinutes: 120,
    });
    expect(snap.usage.split).toEqual({
      api: { cents: 120, currency: 'BRL' },
      llm: { cents: 1574, currency: 'BRL' },
      storage: { cents: 609, currency: 'BRL' },
      compute: { cents: 399, currency: 'BRL' },
    });
  });

  it('says invoices are not available, never an empty list', async () => {
    useHost(todayRoutes());
    const result = await fetchFor();
    if (!result.ok) throw new Error('expected a snapshot');
    expect(result.data.invoices).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    expect(result.data.projections).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    expect(result.data.timeline).toEqual({ ok: false, error: { kind: 'notAvailable' } });
  });

  it('probes one usage request per family, in order, built only from origin and tenant id', async () => {
    useHost(todayRoutes());
    await fetchFor();
    expect(host.urls()).toEqual([URLS.panelUsage, URLS.tenantUsage, URLS.adminUsage]);
  });

  it('sends X-Tenant-ID to the tenant family only, and the Bearer token to every request', async () => {
    useHost(todayRoutes());
    await fetchFor();
    const [panel, tenant, admin] = host.requests;
    expect(tenant!.headers['x-tenant-id']).toBe(TENANT);
    expect(panel!.headers['x-tenant-id']).toBeUndefined();
    expect(admin!.headers['x-tenant-id']).toBeUndefined();
    for (const request of host.requests) expect(request.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('encodes nothing but the tenant id into the admin path', async () => {
    useHost(todayRoutes());
    await fetchFor(null, 'TECH-001');
    expect(host.urls()).toEqual([
      `${ORIGIN}/api/billing/usage?tenant_id=TECH-001&period=month`,
      URLS.tenantUsage,
      `${ORIGIN}/api/v1/admin/billing/usage/TECH-001?month=2026-11`,
    ]);
  });
});

describe('the host with the seed Change 1 (panel family)', () => {
  it('answers from the panel with every part', async () => {
    useHost(seedRoutes());
    const result = await fetchFor();
    if (!result.ok) throw new Error(`expected a snapshot, got ${JSON.stringify(result.error)}`);
    const snap = result.data;
    expect(snap.family).toBe('panel');
    expect(snap.usage.total).toEqual({ cents: 24580, currency: 'BRL' });
    expect(snap.usage.metrics.apiCalls).toBe(15420);
    expect(snap.usage.metrics.tokensTotal).toBe(2450000);
    expect(snap.usage.metrics.storageMb).toBe(12800);
    if (!snap.invoices.ok) throw new Error('expected invoices');
    expect(snap.invoices.data).toHaveLength(3);
    expect(snap.invoices.data[0]).toMatchObject({
      id: 'INV-202611-BELGO-',
      number: 'INV-202611-BELGO-',
      total: { cents: 20000, currency: 'BRL' },
      status: 'pending',
    });
    expect(snap.projections.ok && snap.projections.data.spent).toEqual({ cents: 24580, currency: 'BRL' });
    expect(snap.timeline.ok && snap.timeline.data.map((p) => p.date)).toEqual([
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    ]);
  });

  it('requests exactly the four panel URLs, usage first', async () => {
    useHost(seedRoutes());
    await fetchFor();
    expect(host.urls()[0]).toBe(URLS.panelUsage);
    expect([...host.urls()].sort()).toEqual(
      [URLS.panelUsage, URLS.panelInvoices, URLS.panelProjections, URLS.panelTimeline].sort(),
    );
  });

  it('a failed panel part says why and leaves the others alone', async () => {
    useHost({ ...seedRoutes(), '/api/billing/invoices': SERVER_ERROR, '/api/billing/timeline': NOT_FOUND });
    const result = await fetchFor();
    if (!result.ok) throw new Error('expected a snapshot');
    expect(result.data.family).toBe('panel');
    expect(result.data.invoices).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
    expect(result.data.timeline).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    expect(result.data.projections.ok).toBe(true);
  });

  it('a panel that answers 500 (v1 token) falls through to admin v1', async () => {
    useHost({ ...todayRoutes(), '/api/billing/': sample('panel-usage.admin-v1-token') });
    const result = await fetchFor();
    expect(result.ok && result.data.family).toBe('adminV1');
    expect(result.ok && result.data.usage.total.cents).toBe(2702);
    expect(host.urls()).toEqual([URLS.panelUsage, URLS.tenantUsage, URLS.adminUsage]);
  });
});

describe('the host with the tenant v1 fix', () => {
  const fixedRoutes = () => ({
    '/api/billing/': NOT_FOUND,
    '/api/v1/billing/current-usage': sample('v1-current-usage.if-tenant-resolved'),
    '/api/v1/billing/invoices': sample('v1-invoices.if-tenant-resolved'),
    '/api/v1/admin/billing/usage/': sample('v1-admin-usage.admin-v1-token'),
  });

  it('answers from tenantV1; its invoice 500 is reported on the part', async () => {
    useHost(fixedRoutes());
    const result = await fetchFor();
    if (!result.ok) throw new Error(`expected a snapshot, got ${JSON.stringify(result.error)}`);
    expect(result.data.family).toBe('tenantV1');
    expect(result.data.usage.total).toEqual({ cents: 2702, currency: 'BRL' });
    expect(result.data.invoices).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
    expect(result.data.projections).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    expect(host.urls()).toEqual([URLS.panelUsage, URLS.tenantUsage, URLS.tenantInvoices]);
    for (const request of host.requests.slice(1)) expect(request.headers['x-tenant-id']).toBe(TENANT);
  });
});

describe('preferred family', () => {
  it('with adminV1 preferred, only the admin endpoint is requested', async () => {
    useHost(todayRoutes());
    const result = await fetchFor('adminV1');
    expect(result.ok && result.data.family).toBe('adminV1');
    expect(host.urls()).toEqual([URLS.adminUsage]);
  });

  it('with tenantV1 preferred, its parts load together and nothing else is asked', async () => {
    useHost({
      '/api/v1/billing/current-usage': sample('v1-current-usage.if-tenant-resolved'),
      '/api/v1/billing/invoices': SERVER_ERROR,
    });
    const result = await fetchFor('tenantV1');
    expect(result.ok && result.data.family).toBe('tenantV1');
    expect([...host.urls()].sort()).toEqual([URLS.tenantUsage, URLS.tenantInvoices]);
  });

  it('a preferred family that went away falls back to the others', async () => {
    useHost(todayRoutes());
    const result = await fetchFor('panel');
    expect(result.ok && result.data.family).toBe('adminV1');
    expect(host.count('/api/v1/admin/billing/usage/BELGO-001')).toBe(1);
    expect(host.count('/api/v1/billing/current-usage')).toBe(1);
  });
});

describe('when no family answers', () => {
  it('all families 403 → noAccess, after trying each once', async () => {
    useHost({ '/api/billing/': sample('panel-usage.developer'), '/api/v1/': FORBIDDEN });
    expect(await fetchFor()).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(host.urls()).toEqual([URLS.panelUsage, URLS.tenantUsage, URLS.adminUsage]);
  });

  it('signedOut stops at once: no further family is requested', async () => {
    useHost({ '/api/': AUTH_REQUIRED });
    expect(await fetchFor()).toEqual({ ok: false, error: { kind: 'signedOut' } });
    expect(host.urls()).toEqual([URLS.panelUsage]);
  });

  it('signedOut from a later family stops there', async () => {
    useHost({ '/api/billing/': NOT_FOUND, '/api/v1/billing/': AUTH_REQUIRED, '/api/v1/admin/': sample('v1-admin-usage.admin-v1-token') });
    expect(await fetchFor()).toEqual({ ok: false, error: { kind: 'signedOut' } });
    expect(host.urls()).toEqual([URLS.panelUsage, URLS.tenantUsage]);
  });

  it('offline stops at once', async () => {
    useHost({ '/api/': { refuse: true } });
    expect(await fetchFor()).toEqual({ ok: false, error: { kind: 'offline' } });
    expect(host.requests).toHaveLength(1);
  });

  it('the most telling error wins: a 500 over 404s', async () => {
    useHost({ '/api/billing/': NOT_FOUND, '/api/v1/billing/': TENANT_NOT_RESOLVED, '/api/v1/admin/': json(502, {}) });
    expect(await fetchFor()).toEqual({ ok: false, error: { kind: 'server', status: 502 } });
  });

  it('nothing mounted at all → notAvailable', async () => {
    useHost({});
    expect(await fetchFor()).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    expect(host.requests).toHaveLength(3);
  });

  it('an aborted signal rejects instead of answering', async () => {
    useHost({ '/api/': { hang: true } });
    const controller = new AbortController();
    const pending = fetchSnapshot(ORIGIN, TENANT, token, { preferred: null, signal: controller.signal, now: NOW });
    controller.abort(new Error('signed out'));
    await expect(pending).rejects.toThrow('signed out');
  });
});
