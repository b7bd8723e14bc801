/**
 * The cache's policy when a refresh fails: the good figures stay (stale, with the reason), the
 * next automatic try waits longer after each failure (or as long as the host said), and a
 * storage that refuses is said as such.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ADMIN_USAGE, T0, TENANT, ask, host, primed, refused, sessionEntry, setUpCacheTests, useHost } from '@/lib/background/billing/cache.support';
import { ORIGIN, SERVER_ERROR, adminUsageRoute, sample, todayRoutes } from '@/tests/support/fake-host';

setUpCacheTests();

describe('a failed refresh', () => {
  it('a 500 after a good answer keeps the figures, stale, with the reason', async () => {
    const good = await primed();
    host.setRoutes({ '/api/': SERVER_ERROR });
    vi.setSystemTime(T0 + 1000);
    const answer = await ask('force');
    expect(answer).toEqual({
      ok: true,
      value: { snapshot: good.snapshot, stale: true, refreshError: { kind: 'server', status: 500 }, retryAt: T0 + 1000 + 15_000 },
    });
    // The kept entry remembers the failure, so a later read is stale too and retries.
    const entry = await sessionEntry(ORIGIN, TENANT);
    expect(entry?.refreshError).toEqual({ kind: 'server', status: 500 });
    expect(entry?.snapshot.fetchedAt).toBe(T0);
    expect(entry?.snapshot.family).toBe('adminV1');
    host.clear();
    vi.setSystemTime(T0 + 1000 + 15_000);
    const again = await ask('fresh');
    expect(host.count(ADMIN_USAGE)).toBe(1);
    expect(again.ok && again.value.stale).toBe(true);
    expect(again.ok && again.value.refreshError).toEqual({ kind: 'server', status: 500 });
    // The second failure in a row waits twice as long.
    expect(again.ok && again.value.retryAt).toBe(T0 + 1000 + 15_000 + 30_000);
  });

  it('a single 500 keeps the family: the panel is never asked, the next refresh gives the same figures', async () => {
    useHost({ ...todayRoutes(), '/api/billing/': sample('panel-usage.admin') });
    const good = await primed();
    host.route(ADMIN_USAGE, { status: 500, body: 'Internal Server Error', contentType: 'text/plain' });
    const failed = await ask('force');
    expect(failed.ok && failed.value.snapshot).toEqual(good.snapshot);
    host.route(ADMIN_USAGE, adminUsageRoute);
    const next = await ask('force');
    expect(next.ok && next.value.snapshot.family).toBe('adminV1');
    expect(next.ok && next.value.snapshot.usage).toEqual(good.snapshot.usage);
    expect(next.ok && [next.value.stale, next.value.refreshError, next.value.retryAt]).toEqual([false, null, null]);
    expect(host.count('/api/billing/')).toBe(0);
  });

  it('during the backoff, reads answer the kept figures without a request; a person\'s refresh goes at once', async () => {
    await primed();
    host.setRoutes({ '/api/': SERVER_ERROR });
    await ask('force');
    host.clear();
    vi.setSystemTime(T0 + 10_000);
    for (const freshness of ['cached', 'fresh'] as const) {
      const answer = await ask(freshness);
      expect(answer.ok && answer.value.stale).toBe(true);
    }
    expect(host.requests).toHaveLength(0);
    await ask('force');
    expect(host.requests).toHaveLength(1);
  });

  it('with nothing cached, a failure is remembered through the backoff too', async () => {
    host.setRoutes({ '/api/': SERVER_ERROR });
    const first = await ask('cached');
    expect(first).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
    const requests = host.requests.length;
    expect(await ask('fresh')).toEqual(first);
    expect(host.requests).toHaveLength(requests);
    vi.setSystemTime(T0 + 15_000);
    await ask('fresh');
    expect(host.requests.length).toBeGreaterThan(requests);
  });

  it("the host's Retry-After sets the next try, later than the backoff", async () => {
    await primed();
    host.setRoutes({ '/api/': { status: 429, body: {}, headers: { 'retry-after': '60' } } });
    const answer = await ask('force');
    expect(answer.ok && answer.value.retryAt).toBe(T0 + 60_000);
    expect(answer.ok && answer.value.refreshError).toEqual({ kind: 'server', status: 429, retryAt: T0 + 60_000 });
    host.clear();
    // Even a person's refresh sends nothing before the time.
    vi.setSystemTime(T0 + 59_000);
    const forced = await ask('force');
    expect(forced.ok && forced.value.stale).toBe(true);
    expect(host.requests).toHaveLength(0);
  });

  it('a storage that refuses reads is said as such, never as "signed out"', async () => {
    await primed();
    const refusing = vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValue(new Error('storage is gone'));
    expect(await ask('cached')).toEqual({ ok: false, error: { kind: 'storage' } });
    expect(await ask('force')).toEqual({ ok: false, error: { kind: 'storage' } });
    refusing.mockRestore();
    expect(refused).not.toHaveBeenCalled();
  });

  it('a storage that refuses writes still answers the figures the host gave', async () => {
    const refusing = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const answer = await ask('force');
    refusing.mockRestore();
    expect(answer.ok && answer.value.snapshot.usage.total.cents).toBe(2702);
  });

  it('offline after a good answer keeps the figures too', async () => {
    await primed();
    host.setRoutes({ '/api/': { refuse: true } });
    const answer = await ask('force');
    expect(answer.ok && answer.value.refreshError).toEqual({ kind: 'offline' });
    expect(answer.ok && answer.value.stale).toBe(true);
  });
});
