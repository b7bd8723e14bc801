/**
 * The cache's policy when the host refuses the person (signed out, no access): the figures are
 * not answered, not even by a later cached read, and a refused token is told to the session
 * module, even from a refresh running behind a cached answer.
 */
import { describe, expect, it, vi } from 'vitest';
import { ADMIN_USAGE, T0, TENANT, TTL, ask, billingKeys, host, primed, refused, sessionEntry, setUpCacheTests, token } from '@/lib/background/billing/cache.support';
import { AUTH_REQUIRED, FORBIDDEN, ORIGIN, until } from '@/tests/support/fake-host';

setUpCacheTests();

describe('a refusal', () => {
  it.each([
    ['signedOut', AUTH_REQUIRED],
    ['noAccess', FORBIDDEN],
  ] as const)('%s after a good answer is an error: the figures are not returned, nor by a later "cached" read', async (kind, reply) => {
    await primed();
    host.setRoutes({ '/api/': reply });
    expect(await ask('force')).toEqual({ ok: false, error: { kind } });
    expect(await ask('cached')).toEqual({ ok: false, error: { kind } });
    expect(await billingKeys()).toEqual([]);
  });

  it('a background refresh that finds the person signed out drops the figures', async () => {
    await primed();
    host.setRoutes({ '/api/': AUTH_REQUIRED });
    vi.setSystemTime(T0 + TTL);
    await ask('cached');
    await until(async () => expect(host.requests.at(-1)?.path.startsWith(ADMIN_USAGE)).toBe(true));
    await until(async () => expect(await sessionEntry(ORIGIN, TENANT)).toBeUndefined());
    expect(refused).toHaveBeenCalledWith({ origin: ORIGIN, store: 'default' }, token);
    const next = await ask('cached');
    expect(next.ok).toBe(false);
  });
});
