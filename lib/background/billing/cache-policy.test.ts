/**
 * The cache's policy: identical requests in flight share one fetch; cached figures are answered
 * at once while fresh, and stale ones with a refresh behind them, as each freshness asks.
 */
import { describe, expect, it, vi } from 'vitest';
import { ADMIN_USAGE, T0, TENANT, TTL, ask, host, primed, sessionEntry, setUpCacheTests } from '@/lib/background/billing/cache.support';
import { ORIGIN, adminUsageRoute, deferred, until } from '@/tests/support/fake-host';

setUpCacheTests();

describe('shared fetches', () => {
  it('10 concurrent identical calls make one usage fetch', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => ask('cached')));
    expect(host.count(ADMIN_USAGE)).toBe(1);
    expect(host.requests).toHaveLength(2); // tenant v1 (not wired: dropped), then admin v1
    for (const result of results) {
      expect(result.ok).toBe(true);
      expect(result.ok && result.value.snapshot.usage.total.cents).toBe(2702);
      expect(result.ok && result.value.stale).toBe(false);
    }
  });

  it('10 concurrent "force" calls also share one fetch', async () => {
    await Promise.all(Array.from({ length: 10 }, () => ask('force')));
    expect(host.count(ADMIN_USAGE)).toBe(1);
  });
});

describe('freshness', () => {
  it('"cached" with a fresh entry answers without a request', async () => {
    await primed();
    host.clear();
    vi.setSystemTime(T0 + TTL - 1);
    const answer = await ask('cached');
    expect(host.requests).toHaveLength(0);
    expect(answer).toEqual({
      ok: true,
      value: expect.objectContaining({ stale: false, refreshError: null }),
    });
    expect(answer.ok && answer.value.snapshot.fetchedAt).toBe(T0);
  });

  it('"fresh" with a fresh entry answers without a request', async () => {
    await primed();
    host.clear();
    const answer = await ask('fresh');
    expect(host.requests).toHaveLength(0);
    expect(answer.ok && answer.value.stale).toBe(false);
  });

  it('"cached" with a stale entry answers at once (stale) and starts exactly one refresh', async () => {
    await primed();
    host.clear();
    const gate = deferred();
    host.route(ADMIN_USAGE, { gate: gate.promise, then: adminUsageRoute });
    vi.setSystemTime(T0 + TTL);

    const answer = await ask('cached');
    expect(answer.ok && answer.value.stale).toBe(true);
    expect(answer.ok && answer.value.snapshot.fetchedAt).toBe(T0);
    expect(answer.ok && answer.value.refreshError).toBeNull();

    // More readers while the refresh runs: still one refresh.
    await ask('cached');
    await ask('cached');
    await until(() => expect(host.count(ADMIN_USAGE)).toBe(1));
    // The family that answered last time is asked first: only its endpoint.
    expect(host.requests).toHaveLength(1);

    gate.resolve();
    await until(async () => expect((await sessionEntry(ORIGIN, TENANT))?.snapshot.fetchedAt).toBe(T0 + TTL));
    expect(host.count(ADMIN_USAGE)).toBe(1);

    const after = await ask('cached');
    expect(after.ok && after.value.stale).toBe(false);
    expect(host.count(ADMIN_USAGE)).toBe(1);
  });

  it('"fresh" with a stale entry waits for a new answer', async () => {
    await primed();
    host.clear();
    vi.setSystemTime(T0 + TTL);
    const answer = await ask('fresh');
    expect(host.count(ADMIN_USAGE)).toBe(1);
    expect(answer.ok && answer.value.stale).toBe(false);
    expect(answer.ok && answer.value.snapshot.fetchedAt).toBe(T0 + TTL);
  });

  it('"force" fetches even when the entry is fresh', async () => {
    await primed();
    host.clear();
    vi.setSystemTime(T0 + 1000);
    const answer = await ask('force');
    expect(host.count(ADMIN_USAGE)).toBe(1);
    expect(answer.ok && answer.value.snapshot.fetchedAt).toBe(T0 + 1000);
    expect(answer.ok && answer.value.stale).toBe(false);
  });
});
