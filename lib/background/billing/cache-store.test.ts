/**
 * The cache's store: one entry per place and tenant, at most MAX_ENTRIES_PER_PLACE per place and
 * MAX_CACHE_BYTES in all (the least recently used going first), in storage.session only.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MAX_CACHE_BYTES, MAX_ENTRIES_PER_PLACE, slotOf, writeEntry } from '@/lib/background/billing/cache-store';
import type { CacheEntry } from '@/lib/storage/billing-cache';
import { billingRecentItem } from '@/lib/storage/billing-cache';
import { ADMIN_USAGE, ask, billingKeys, entryKey, host, primed, sessionEntry, setUpCacheTests, token } from '@/lib/background/billing/cache.support';
import { ORIGIN, SERVER_ERROR, until } from '@/tests/support/fake-host';

setUpCacheTests();

describe('entries per place and tenant', () => {
  it('stamps each snapshot with its origin and tenant; two tenants share nothing', async () => {
    const belgo = await ask('cached', { tenantId: 'BELGO-001' });
    const tech = await ask('cached', { tenantId: 'TECH-001' });
    expect(belgo.ok && [belgo.value.snapshot.origin, belgo.value.snapshot.tenantId]).toEqual([ORIGIN, 'BELGO-001']);
    expect(tech.ok && [tech.value.snapshot.origin, tech.value.snapshot.tenantId]).toEqual([ORIGIN, 'TECH-001']);
    expect(host.count(`${ADMIN_USAGE}BELGO-001?`)).toBe(1);
    expect(host.count(`${ADMIN_USAGE}TECH-001?`)).toBe(1);
    expect(await billingKeys()).toEqual([entryKey(ORIGIN, 'BELGO-001'), entryKey(ORIGIN, 'TECH-001')]);
    // The family dropped for the first tenant is not asked for the second.
    expect(host.count('/api/v1/billing/')).toBe(1);
    expect((await sessionEntry(ORIGIN, 'TECH-001'))?.snapshot.tenantId).toBe('TECH-001');
  });

  it('two concurrent tenants are two fetches, not one shared', async () => {
    const [a, b] = await Promise.all([ask('cached', { tenantId: 'BELGO-001' }), ask('cached', { tenantId: 'TECH-001' })]);
    expect(a.ok && a.value.snapshot.tenantId).toBe('BELGO-001');
    expect(b.ok && b.value.snapshot.tenantId).toBe('TECH-001');
    expect(host.count(ADMIN_USAGE)).toBe(2);
  });

  it(`keeps at most ${MAX_ENTRIES_PER_PLACE} entries per place, the least recently used going first`, async () => {
    const ids = Array.from({ length: MAX_ENTRIES_PER_PLACE + 2 }, (_, i) => `T-${i}`);
    for (const id of ids.slice(0, MAX_ENTRIES_PER_PLACE)) await primed(ORIGIN, id);
    // T-0 read again: now T-1 and T-2 are the least recently used.
    await ask('cached', { tenantId: 'T-0' });
    for (const id of ids.slice(MAX_ENTRIES_PER_PLACE)) await primed(ORIGIN, id);
    await until(async () => expect(await billingKeys()).toHaveLength(MAX_ENTRIES_PER_PLACE));
    const kept = await billingKeys();
    expect(kept).toContain(entryKey(ORIGIN, 'T-0'));
    expect(kept).not.toContain(entryKey(ORIGIN, 'T-1'));
    expect(kept).not.toContain(entryKey(ORIGIN, 'T-2'));
  });

  it(`keeps at most ${MAX_CACHE_BYTES / 1024 / 1024} MiB in all, across places: the least recently used go first`, async () => {
    // Snapshots with a long invoice list: one MiB each, as a host listing years of invoices gives.
    const big = (n: number): CacheEntry => ({
      snapshot: { family: 'adminV1', fetchedAt: n, usage: {}, invoices: 'x'.repeat(1024 * 1024) } as unknown as CacheEntry['snapshot'],
      refreshError: null,
      failures: 0,
      retryAt: null,
    });
    const places = [{ origin: ORIGIN, store: 'default' }, { origin: ORIGIN, store: 'firefox-container-1' }];
    for (let i = 0; i < 6; i++) await writeEntry(slotOf(places[i % 2]!, `T-${i}`), big(i));
    await until(async () => expect(await billingKeys()).toHaveLength(3));
    const stored = await fakeBrowser.storage.session.get();
    expect(new TextEncoder().encode(JSON.stringify(stored)).length).toBeLessThan(MAX_CACHE_BYTES);
    expect((await billingKeys()).map((key) => key.slice(-3)).sort()).toEqual(['T-3', 'T-4', 'T-5']);
  });

  it('concurrent answers lose no one from the use order', async () => {
    await Promise.all(['BELGO-001', 'TECH-001', 'STARTUP-001'].map((tenantId) => ask('cached', { tenantId })));
    await until(async () => expect(await billingRecentItem.getValue()).toHaveLength(3));
  });

  it('an entry stored in a shape the cache does not know is fetched again, not answered', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.session.set({ [entryKey(ORIGIN, 'BELGO-001')]: { snapshot: { family: 'adminV1' }, failures: 0 } });
    const answer = await ask('cached', { tenantId: 'BELGO-001' });
    expect(answer.ok && answer.value.snapshot.usage.total.cents).toBe(2702);
    expect(host.count(ADMIN_USAGE)).toBe(1);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('nothing billing-related lands in storage.local or storage.sync', async () => {
    await primed(ORIGIN, 'BELGO-001');
    await primed(ORIGIN, 'TECH-001');
    host.setRoutes({ '/api/': SERVER_ERROR });
    await ask('force');
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
    expect(JSON.stringify(await fakeBrowser.storage.session.get())).not.toContain(token);
  });
});
