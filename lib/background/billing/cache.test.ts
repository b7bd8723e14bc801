/**
 * forgetOrigin (a sign-out, or another person): everything of that origin goes, what it has in
 * flight is aborted, and other origins keep theirs.
 */
import { describe, expect, it } from 'vitest';
import { forgetOrigin } from '@/lib/background/billing/cache';
import { ADMIN_USAGE, OTHER_ORIGIN, ask, billingKeys, host, primed, setUpCacheTests } from '@/lib/background/billing/cache.support';
import { ORIGIN, adminUsageRoute, until } from '@/tests/support/fake-host';

setUpCacheTests();

describe('forgetOrigin', () => {
  it('forgetOrigin drops that origin only', async () => {
    await primed(ORIGIN, 'BELGO-001');
    await primed(ORIGIN, 'TECH-001');
    await primed(OTHER_ORIGIN, 'BELGO-001');
    await forgetOrigin(ORIGIN);
    expect(await billingKeys()).toEqual([`billing:${OTHER_ORIGIN}|BELGO-001`]);
    host.clear();
    const other = await ask('cached', { origin: OTHER_ORIGIN });
    expect(other.ok && other.value.snapshot.origin).toBe(OTHER_ORIGIN);
    expect(host.requests).toHaveLength(0);
    const mine = await ask('cached');
    expect(mine.ok).toBe(true);
    expect(host.count(ADMIN_USAGE)).toBe(1);
  });

  it('forgetOrigin aborts what is in flight for that origin and stores nothing', async () => {
    host.route(ADMIN_USAGE, { hang: true });
    const pending = ask('cached');
    await until(() => expect(host.count(ADMIN_USAGE)).toBe(1));
    await forgetOrigin(ORIGIN);
    expect(await pending).toEqual({ ok: false, error: { kind: 'signedOut' } });
    expect(await billingKeys()).toEqual([]);
    // A new request after that is not aborted by the old sign-out.
    host.route(ADMIN_USAGE, adminUsageRoute);
    const next = await ask('cached');
    expect(next.ok).toBe(true);
  });
});
