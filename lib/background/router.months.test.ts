/**
 * Past months through the background: `billing.get` with a validated `month`, read from the
 * family that gave the current month, cached beside it, refused where that family has none,
 * and never shown under a month (or tenant) the answer is not about.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRequest } from '@/lib/protocol/requests';
import { billing, host, identityRoutes, report, setUpRouterTests } from '@/lib/background/router.support';
import { SERVER_ERROR, adminUsageRoute, json, mintJwt, sample, seedRoutes } from '@/tests/support/fake-host';

const T0 = new Date('2026-12-10T12:00:00Z');
const ADMIN_USAGE = '/api/v1/admin/billing/usage/BELGO-001';

setUpRouterTests();

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  // The token names the person's tenant: the host vouches for BELGO-001.
  await report(mintJwt({ tenant_id: 'BELGO-001' }));
  host.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

const monthsAsked = () => host.requests.map((r) => new URL(r.url).searchParams.get('month'));

describe('billing.get with a month', () => {
  it('reads that month from admin v1 with ?month=, once, cached beside the current one', async () => {
    const reply = await billing({ freshness: 'cached', month: '2026-10' });
    expect(reply.ok && reply.value.snapshot.usage.month).toBe('2026-10');
    expect(reply.ok && reply.value.snapshot.family).toBe('adminV1');
    expect(reply.ok && reply.value.snapshot.invoices).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    // The current month first (it names the family), then the month asked for.
    expect(host.requests.filter((r) => r.path.startsWith(ADMIN_USAGE)).map((r) => r.path)).toEqual([
      `${ADMIN_USAGE}?month=2026-12`,
      `${ADMIN_USAGE}?month=2026-10`,
    ]);
    host.clear();
    const again = await billing({ freshness: 'cached', month: '2026-10' });
    expect(again.ok && again.value.snapshot.usage.month).toBe('2026-10');
    const current = await billing({ freshness: 'cached' });
    expect(current.ok && current.value.snapshot.usage.month).toBe('2026-12');
    expect(host.requests).toEqual([]);
  });

  it('the current month, named, is the current snapshot itself', async () => {
    const named = await billing({ freshness: 'cached', month: '2026-12' });
    expect(named.ok && named.value.snapshot.usage.month).toBe('2026-12');
    expect(monthsAsked().filter((m) => m !== null)).toEqual(['2026-12']);
  });

  it('a month without usage is a month of zeros, not a failure', async () => {
    host.route(ADMIN_USAGE, (request) => {
      const answer = adminUsageRoute(request);
      const body = answer.body as { summary: object };
      const costs = { api_cents: 0, llm_cents: 0, storage_cents: 0, compute_cents: 0, total_cents: 0, total_formatted: 'R$ 0.00' };
      return request.url.includes('month=2026-12') ? answer : { ...answer, body: { ...body, summary: { ...body.summary, costs } } };
    });
    const reply = await billing({ freshness: 'cached', month: '2026-06' });
    expect(reply.ok && reply.value.snapshot.usage.total).toEqual({ cents: 0, currency: 'BRL' });
  });

  it('an answer about another month is not shown as the month asked for', async () => {
    await billing({ freshness: 'cached' });
    host.route(ADMIN_USAGE, (request) => {
      const answer = adminUsageRoute(request);
      return { ...answer, body: { ...(answer.body as object), month: '2026-12' } };
    });
    const reply = await billing({ freshness: 'cached', month: '2026-10' });
    expect(reply).toEqual({ ok: false, error: { kind: 'badResponse', detail: 'usage.month: not the month asked for' } });
  });

  it('a month that fails says why and keeps the current month', async () => {
    await billing({ freshness: 'cached' });
    host.route(ADMIN_USAGE, (request) => (request.url.includes('month=2026-10') ? SERVER_ERROR : adminUsageRoute(request)));
    expect(await billing({ freshness: 'cached', month: '2026-10' })).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
    const current = await billing({ freshness: 'cached' });
    expect(current.ok && current.value.snapshot.usage.total.cents).toBe(2702);
  });

  it('the panel has no months: not available, and no other family answers for it', async () => {
    host.setRoutes({ ...identityRoutes(), ...seedRoutes(), '/api/v1/admin/billing/usage/': json(403, { detail: 'Acesso negado. Requer role ADMIN.' }) });
    const current = await billing({ freshness: 'cached' });
    expect(current.ok && current.value.snapshot.family).toBe('panel');
    host.clear();
    expect(await billing({ freshness: 'cached', month: '2026-11' })).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    expect(host.requests).toEqual([]);
  });

  it('tenant v1 reads a month from usage-breakdown?month, the tenant in its header', async () => {
    host.setRoutes({
      ...identityRoutes(),
      '/api/v1/billing/current-usage': sample('v1-current-usage.if-tenant-resolved'),
      '/api/v1/billing/invoices': json(200, { invoices: [], total: 0, page: 1, limit: 50 }),
      // The recorded breakdown, for the month asked for.
      '/api/v1/billing/usage-breakdown': (request) => {
        const recorded = sample('v1-usage-breakdown.if-tenant-resolved');
        return { ...recorded, body: { ...(recorded.body as object), month: new URL(request.url).searchParams.get('month') } };
      },
    });
    const reply = await billing({ freshness: 'cached', month: '2026-10' });
    expect(reply.ok && reply.value.snapshot.family).toBe('tenantV1');
    expect(reply.ok && reply.value.snapshot.usage.quotas.llm).toEqual({ used: 1_050_000, included: 100_000 });
    const breakdown = host.requests.find((r) => r.path.startsWith('/api/v1/billing/usage-breakdown'));
    expect(breakdown?.path).toBe('/api/v1/billing/usage-breakdown?month=2026-10');
    expect(breakdown?.headers['x-tenant-id']).toBe('BELGO-001');
  });
});

describe('the month in a request', () => {
  it('is accepted as YYYY-MM only', () => {
    expect(parseRequest({ op: 'billing.get', freshness: 'cached', month: '2026-10' })).toEqual({ op: 'billing.get', freshness: 'cached', month: '2026-10' });
    for (const month of ['2026-13', '2026-1', '2026-10&tenant_id=TECH-001', '../2026-10', '2026-10 ', 10, null]) {
      expect(parseRequest({ op: 'billing.get', freshness: 'cached', month }), String(month)).toBeNull();
    }
  });
});
