/**
 * forgetCache (a sign-out, or another person): everything of that place goes, what it has in
 * flight is aborted, and other places keep theirs.
 */
import { describe, expect, it } from 'vitest';
import { forgetCache } from '@/lib/background/billing/cache';
import { NORMAL_STORE } from '@/lib/dashboard/place';
import { ADMIN_USAGE, OTHER_ORIGIN, ask, billingKeys, entryKey, host, primed, setUpCacheTests } from '@/lib/background/billing/cache.support';
import { ORIGIN, adminUsageRoute, until } from '@/tests/support/fake-host';

setUpCacheTests();

const HERE = { origin: ORIGIN, store: NORMAL_STORE };

describe('forgetCache', () => {
  it('drops that place only', async () => {
    await primed(ORIGIN, 'BELGO-001');
    await primed(ORIGIN, 'TECH-001');
    await primed(OTHER_ORIGIN, 'BELGO-001');
    await forgetCache(HERE);
    expect(await billingKeys()).toEqual([entryKey(OTHER_ORIGIN, 'BELGO-001')]);
    host.clear();
    const other = await ask('cached', { origin: OTHER_ORIGIN });
    expect(other.ok && other.value.snapshot.origin).toBe(OTHER_ORIGIN);
    expect(host.requests).toHaveLength(0);
    const mine = await ask('cached');
    expect(mine.ok).toBe(true);
    expect(host.count(ADMIN_USAGE)).toBe(1);
  });

  it('aborts what is in flight for that place and stores nothing', async () => {
    host.route(ADMIN_USAGE, { hang: true });
    const pending = ask('cached');
    await until(() => expect(host.count(ADMIN_USAGE)).toBe(1));
    await forgetCache(HERE);
    expect(await pending).toEqual({ ok: false, error: { kind: 'signedOut' } });
    expect(await billingKeys()).toEqual([]);
    // A new request after that is not aborted by the old sign-out.
    host.route(ADMIN_USAGE, adminUsageRoute);
    const next = await ask('cached');
    expect(next.ok).toBe(true);
  });
});
