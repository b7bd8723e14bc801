/**
 * What the family walk remembers per origin: the family that last answered (a tenant not cached
 * loads every part from it at once) and the families dropped, both forgotten with the person.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { forgetCache } from '@/lib/background/billing/cache';
import { NORMAL_STORE } from '@/lib/dashboard/place';
import { ADMIN_USAGE, TENANT, ask, entryKey, host, primed, setUpCacheTests } from '@/lib/background/billing/cache.support';
import { NOT_FOUND, ORIGIN, adminUsageRoute, deferred, sample, until } from '@/tests/support/fake-host';

setUpCacheTests();

describe('the walk\'s memory', () => {
  it('figures not cached (any more) load every part at once from the family that last answered', async () => {
    // The host with the tenant family fixed: usage and invoices, both from tenant v1.
    host.setRoutes({
      '/api/billing/': NOT_FOUND,
      '/api/v1/billing/current-usage': sample('v1-current-usage.if-tenant-resolved'),
      '/api/v1/billing/invoices': sample('v1-invoices.if-tenant-resolved'),
      [ADMIN_USAGE]: adminUsageRoute,
    });
    await primed();
    // Gone from the cache (evicted, or never fetched this session); the family is still known.
    await fakeBrowser.storage.session.remove(entryKey(ORIGIN, TENANT));
    const usage = deferred();
    host.route('/api/v1/billing/current-usage', { gate: usage.promise, then: sample('v1-current-usage.if-tenant-resolved') });
    host.clear();
    const answer = ask('cached');
    // The invoices are asked for while the usage is still on its way: one round trip, not two.
    await until(() => expect(host.count('/api/v1/billing/invoices')).toBe(1));
    usage.resolve();
    const reply = await answer;
    expect(reply.ok && reply.value.snapshot.family).toBe('tenantV1');
    expect(host.requests).toHaveLength(2);
  });

  it('forgetCache forgets the dropped families too: the next sign-in probes every family again', async () => {
    await primed();
    host.clear();
    await forgetCache({ origin: ORIGIN, store: NORMAL_STORE });
    await ask('cached');
    expect(host.count('/api/v1/billing/')).toBe(1);
  });

  it('a memory stored in a shape it does not know reads as nothing learnt: every family is probed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const here = `${ORIGIN}|${NORMAL_STORE}`;
    await fakeBrowser.storage.session.set({ droppedFamilies: { [here]: 'tenantV1' }, answeredFamily: { [here]: 'v0' } });
    const answer = await ask('cached');
    expect(answer.ok && answer.value.snapshot.family).toBe('adminV1');
    expect(host.count('/api/v1/billing/')).toBe(1);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
