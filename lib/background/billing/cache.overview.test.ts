/**
 * The overview's load on the host (issue #24): every tenant asked at once through the cache
 * keeps at most three requests out (lib/host/http/in-flight.ts sits under the family walk),
 * each tenant is cached in its own entry, and opening the overview again within the refresh
 * interval sends nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { ADMIN_USAGE, T0, TTL, ask, entryKey, host, billingKeys, setUpCacheTests } from '@/lib/background/billing/cache.support';
import { MAX_IN_FLIGHT } from '@/lib/host/http/in-flight';
import { FORBIDDEN, ORIGIN, TENANT_NOT_RESOLVED, adminUsageRoute, until, type Route } from '@/tests/support/fake-host';

setUpCacheTests();

const TENANTS = Array.from({ length: 10 }, (_, i) => `ACME-${String(i).padStart(3, '0')}`);
const overview = (freshness: 'cached' | 'fresh') => Promise.all(TENANTS.map((tenantId) => ask(freshness, { tenantId })));

/** Requests out at the host now, and the most at once. */
const seen = { out: 0, most: 0 };

/** The route, answering after a moment (like a real server) and counted while out. */
const counted = (route: Route): Route => () => {
  seen.most = Math.max(seen.most, ++seen.out);
  const moment = new Promise((resolve) => setTimeout(resolve, 2)).then(() => seen.out--);
  return { gate: moment, then: route };
};

describe('the overview of ten tenants', () => {
  it('cold: never more than three requests out at once, each tenant cached on its own', async () => {
    Object.assign(seen, { out: 0, most: 0 });
    // Today's host: tenant v1 says it is not there, admin v1 answers.
    host.route('/api/v1/billing/', counted(TENANT_NOT_RESOLVED));
    host.route(ADMIN_USAGE, counted(adminUsageRoute));
    const answers = await overview('cached');
    expect(answers.map((a) => a.ok && a.value.snapshot.tenantId)).toEqual(TENANTS);
    expect(seen.most).toBe(MAX_IN_FLIGHT);
    expect(host.count(ADMIN_USAGE)).toBe(10);
    expect(await billingKeys()).toEqual(TENANTS.map((t) => entryKey(ORIGIN, t)).sort());
  });

  it('opened again within the refresh interval: every row from the cache, not one request', async () => {
    await overview('cached');
    host.clear();
    vi.setSystemTime(T0 + TTL - 1);
    for (const freshness of ['cached', 'fresh'] as const) {
      const again = await overview(freshness);
      expect(again.every((a) => a.ok && !a.value.stale)).toBe(true);
    }
    expect(host.requests).toHaveLength(0);
    // Past the interval the rows still paint from the cache, and each is read again behind them.
    vi.setSystemTime(T0 + TTL);
    const later = await overview('cached');
    expect(later.every((a) => a.ok && a.value.stale)).toBe(true);
    await until(() => expect(host.count(ADMIN_USAGE)).toBe(10));
  });
});

describe('a tenant the host refuses, among others', () => {
  it('says "no access" in its own row; the family keeps answering for the others', async () => {
    const answered = await overview('cached');
    expect(answered.every((a) => a.ok && a.value.snapshot.family === 'adminV1')).toBe(true);
    host.route(`${ADMIN_USAGE}REFUSED-001`, FORBIDDEN);
    expect(await ask('cached', { tenantId: 'REFUSED-001' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    host.clear();
    const next = await ask('cached', { tenantId: 'ACME-NEW' });
    expect(next.ok && next.value.snapshot.family).toBe('adminV1');
    // Straight to the family that answers: nothing probed again.
    expect(host.requests.map((r) => r.path.split('?')[0])).toEqual([`${ADMIN_USAGE}ACME-NEW`]);
  });
});
