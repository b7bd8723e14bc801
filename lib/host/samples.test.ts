// @vitest-environment node
/**
 * Every recorded host response goes through the normaliser the extension would use for it,
 * with the exact figures checked. A new 200-JSON sample that nobody mapped fails the suite.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeJwtClaims,
  normalizeAdminV1Usage,
  normalizePanelInvoices,
  normalizePanelUsage,
  normalizeProjections,
  normalizeTenantV1Breakdown,
  normalizeTenantV1Usage,
  normalizeTimeline,
  parseAuthMe,
  parsePermissions,
  parseUserTenants,
  type Read,
} from '@/lib/host/normalize';
import { isJsonSample, listSamples, loadSample, type Sample } from '@/tests/support/samples';

type Reader = (body: unknown) => Read<unknown>;

/** Reads the access token of a login answer: a Result so it fits the table. */
function readLoginToken(body: unknown): Read<unknown> {
  const token = (body as { access_token?: unknown } | null)?.access_token;
  const claims = typeof token === 'string' ? decodeJwtClaims(token) : null;
  return claims
    ? { ok: true, value: claims }
    : { ok: false, error: { kind: 'badResponse', detail: 'no token' } };
}

/** 200-JSON samples the extension reads, by file-name pattern. */
const READERS: [RegExp, Reader][] = [
  [/^panel-usage\./, normalizePanelUsage],
  [/^panel-invoices\./, normalizePanelInvoices],
  [/^panel-projections\./, normalizeProjections],
  [/^panel-timeline\./, normalizeTimeline],
  [/^v1-current-usage(-daily)?\./, normalizeTenantV1Usage],
  [/^v1-admin-usage\./, normalizeAdminV1Usage],
  [/^v1-usage-breakdown\./, normalizeTenantV1Breakdown],
  [/^user-permissions\./, parsePermissions],
  [/^auth-me\./, parseAuthMe],
  [/^user-tenants\./, parseUserTenants],
  [/^login-(v1|legacy)\./, readLoginToken],
];

/** 200-JSON samples of endpoints the extension never calls (or calls only as POSTs it avoids). */
const NOT_USED: RegExp[] = [
  /^platform-tenants\./,
  /^user-persona\./,
  /^tenants\./,
  /^tenant-current\./,
  /^user-current-tenant\./,
  /^v1-usage-events\./,
  /^v1-summary\./,
  /^v1-admin-generate-invoice\./,
];

const all = listSamples().map((name) => [name, loadSample(name)] as [string, Sample]);
const okJson = all.filter(([, s]) => s.status === 200 && isJsonSample(s));
const errorJson = all.filter(([, s]) => s.status >= 400 && isJsonSample(s));
const notJson = all.filter(([, s]) => !isJsonSample(s));

function readerFor(name: string): Reader | undefined {
  return READERS.find(([pattern]) => pattern.test(name))?.[1];
}

function expectOk<T>(result: Read<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.detail}`);
  return result.value;
}

describe('sample coverage', () => {
  it('finds the samples directory', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(okJson.length).toBeGreaterThan(15);
  });

  it('maps every 200-JSON sample to a reader or to the not-used list', () => {
    const unmapped = okJson
      .map(([name]) => name)
      .filter((name) => !readerFor(name) && !NOT_USED.some((p) => p.test(name)));
    expect(unmapped).toEqual([]);
  });

  it.each(okJson.filter(([name]) => readerFor(name)))('%s reads ok', (name, sample) => {
    const result = readerFor(name)!(sample.body);
    expect(result.ok ? 'ok' : result.error.detail).toBe('ok');
  });

  it.each(okJson)('%s never makes any reader throw', (_name, sample) => {
    for (const [, reader] of READERS) expect(() => reader(sample.body)).not.toThrow();
  });
});

describe('admin v1 usage', () => {
  it.each(['v1-admin-usage.admin-legacy-token', 'v1-admin-usage.admin-v1-token'])(
    '%s → BELGO-001 figures in cents',
    (name) => {
      const { value: usage, tenants } = expectOk(normalizeAdminV1Usage(loadSample(name).body));
      expect(tenants).toEqual(['BELGO-001']);
      expect(usage).toEqual({
        period: '2026-11',
        periodStart: null,
        periodEnd: null,
        total: { cents: 2702, currency: 'BRL' },
        split: {
          api: { cents: 120, currency: 'BRL' },
          llm: { cents: 1574, currency: 'BRL' },
          storage: { cents: 609, currency: 'BRL' },
          compute: { cents: 399, currency: 'BRL' },
        },
        metrics: {
          apiCalls: 120,
          tokensTotal: 1050000,
          tokensIn: 660000,
          tokensOut: 390000,
          storageMb: 1250,
          computeMinutes: 120,
        },
        month: '2026-11',
        // The breakdown's quotas: BELGO-001 is over its LLM tokens (10.5×), within the rest.
        quotas: {
          api: { used: 120, included: 10000 },
          llm: { used: 1050000, included: 100000 },
          storage: { used: 1250, included: 10240 },
          compute: { used: 120, included: 600 },
        },
        callsByEndpoint: null,
      });
    },
  );

  it('is not mistaken for the other families', () => {
    const body = loadSample('v1-admin-usage.admin-legacy-token').body;
    expect(normalizePanelUsage(body).ok).toBe(false);
    expect(normalizeTenantV1Usage(body).ok).toBe(false);
  });
});

describe('panel usage', () => {
  it.each(['panel-usage.admin', 'panel-usage.super-admin'])('%s → reais as cents', (name) => {
    const usage = expectOk(normalizePanelUsage(loadSample(name).body));
    expect(usage.total).toEqual({ cents: 24580, currency: 'BRL' });
    expect(usage.split.api.cents).toBe(4560);
    expect(usage.split.llm.cents).toBe(12250);
    expect(usage.split.storage.cents).toBe(2500);
    expect(usage.split.compute.cents).toBe(5270);
    expect(usage.metrics).toEqual({
      apiCalls: 15420,
      tokensTotal: 2450000,
      tokensIn: 1200000,
      tokensOut: 1250000,
      storageMb: 12800,
      computeMinutes: 9390,
    });
    expect(usage.period).toBe('month');
    expect(usage.periodStart).toMatch(/^2026-10-26T/);
    expect(usage.periodEnd).toMatch(/^2026-11-25T/);
    // The last 30 days, not a calendar month; no quotas; calls per endpoint, most called first.
    expect(usage.month).toBeNull();
    expect(usage.quotas).toEqual({ api: null, llm: null, storage: null, compute: null });
    expect(usage.callsByEndpoint).toEqual([
      { endpoint: 'stories', calls: 5200 },
      { endpoint: 'tasks', calls: 4100 },
      { endpoint: 'jobs', calls: 3200 },
      { endpoint: 'workers', calls: 2920 },
    ]);
  });

  it('is not mistaken for a v1 body', () => {
    const body = loadSample('panel-usage.admin').body;
    expect(normalizeAdminV1Usage(body).ok).toBe(false);
    expect(normalizeTenantV1Usage(body).ok).toBe(false);
  });
});

describe('panel invoices', () => {
  it('→ three invoices with exact totals', () => {
    const { invoices, unreadable } = expectOk(normalizePanelInvoices(loadSample('panel-invoices.admin').body));
    expect(unreadable).toBe(0);
    expect(invoices.map((i) => i.total.cents)).toEqual([20000, 23650, 27600]);
    expect(invoices.map((i) => i.total.currency)).toEqual(['BRL', 'BRL', 'BRL']);
    expect(invoices.map((i) => i.status)).toEqual(['pending', 'paid', 'paid']);
    expect(invoices.map((i) => i.rawStatus)).toEqual(['pending', 'paid', 'paid']);
    for (const invoice of invoices) expect(invoice.number).toBe(invoice.id);
    expect(invoices[0]).toEqual({
      id: 'INV-202611-BELGO-',
      number: 'INV-202611-BELGO-',
      period: 'November 2026',
      total: { cents: 20000, currency: 'BRL' },
      status: 'pending',
      rawStatus: 'pending',
      dueDate: '2026-12-10T12:03:16.032560',
      paidAt: null,
    });
    expect(invoices[1]?.paidAt).toBe('2026-11-05T12:03:16.032560');
  });
});

describe('tenant v1 current usage (once the host resolves the tenant)', () => {
  it.each([
    ['v1-current-usage.if-tenant-resolved', '2026-11'],
    ['v1-current-usage-daily.if-tenant-resolved', '2026-11-25'],
  ])('%s → 2702 cents', (name, period) => {
    const { value: usage, tenants } = expectOk(normalizeTenantV1Usage(loadSample(name).body));
    expect(tenants).toEqual(['BELGO-001']);
    expect(usage.total).toEqual({ cents: 2702, currency: 'BRL' });
    expect(usage.period).toBe(period);
    expect(usage.split.llm.cents).toBe(1574);
    expect(usage.metrics.storageMb).toBe(1250);
    expect(usage.metrics.computeMinutes).toBe(120);
  });

  it('reads the quotas from `limits`, measured by the same answer', () => {
    const { value: usage } = expectOk(normalizeTenantV1Usage(loadSample('v1-current-usage.if-tenant-resolved').body));
    expect(usage.month).toBe('2026-11');
    expect(usage.quotas).toEqual({
      api: { used: 120, included: 10000 },
      llm: { used: 1050000, included: 100000 },
      storage: { used: 1250, included: 10240 },
      compute: { used: 120, included: 600 },
    });
    const body = loadSample('v1-current-usage.if-tenant-resolved').body as Record<string, unknown>;
    const noPlan = expectOk(normalizeTenantV1Usage({ ...body, limits: null })).value;
    expect(noPlan.quotas).toEqual({ api: null, llm: null, storage: null, compute: null });
    expect(noPlan.total.cents).toBe(2702);
  });

  it('usage-breakdown?month → the same month as admin v1 reads it', () => {
    const { value: month, tenants } = expectOk(normalizeTenantV1Breakdown(loadSample('v1-usage-breakdown.if-tenant-resolved').body));
    const { value: admin } = expectOk(normalizeAdminV1Usage(loadSample('v1-admin-usage.admin-v1-token').body));
    expect(tenants).toEqual(['BELGO-001']);
    expect(month).toEqual(admin);
  });
});

describe('panel projections and timeline', () => {
  it('projections → cents', () => {
    const p = expectOk(normalizeProjections(loadSample('panel-projections.admin').body));
    expect(p).toEqual({
      spent: { cents: 24580, currency: 'BRL' },
      projectedTotal: { cents: 24580, currency: 'BRL' },
      daysRemaining: 5,
      nextMonth: { cents: 27038, currency: 'BRL' },
      budget: { monthlyLimit: { cents: 50000, currency: 'BRL' }, usagePct: 49.2, alertThreshold: 80 },
    });
  });

  it('timeline → 4 points (days=3 answers days+1)', () => {
    const points = expectOk(normalizeTimeline(loadSample('panel-timeline.admin').body));
    expect(points).toHaveLength(4);
    expect(points.map((p) => p.date)).toEqual([
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    ]);
    expect(points.map((p) => p.cost.cents)).toEqual([1320, 1200, 1080, 960]);
    expect(points[0]).toEqual({
      date: '2026-11-22',
      apiCalls: 1050,
      tokens: 190000,
      cost: { cents: 1320, currency: 'BRL' },
    });
  });
});

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

describe('error samples', () => {
  it.each([...errorJson, ...notJson])('%s → every reader refuses it as data', (_name, sample) => {
    for (const [, reader] of READERS) expect(reader(sample.body).ok).toBe(false);
  });
});
