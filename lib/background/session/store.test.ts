/** The session store's writes: one after another, so two reports at once agree on what changed. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clearSession, getSession, putSession, toStoredSession } from '@/lib/background/session/store';
import { ORIGIN, mintJwt } from '@/tests/support/fake-host';

const session = (token: string) => toStoredSession({ token, userData: null, currentTenant: 'BELGO-001' })!;

// As across the real browser's process boundary: a read takes a while and hands out a copy
// (the fake hands out its own objects), so two writers both read before either writes, unless
// they take turns.
beforeEach(() => {
  const read = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
  vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(async (keys?: any) => {
    const value = structuredClone(await read(keys));
    await new Promise((resolve) => setTimeout(resolve, 5));
    return value;
  });
});

describe('putSession', () => {
  it('two tabs reporting the same new sign-in at once: one change of person, not two', async () => {
    const token = mintJwt();
    const changes = await Promise.all([putSession(ORIGIN, session(token)), putSession(ORIGIN, session(token))]);
    // A second "change" would drop (and abort) the figures the first had started to load.
    expect(changes.filter(Boolean)).toHaveLength(1);
    expect((await getSession(ORIGIN))?.token).toBe(token);
  });

  it('a sign-in and a sign-out of the old token at once keep the new sign-in', async () => {
    const old = mintJwt({ sub: 'belgo_admin' });
    const next = mintJwt({ sub: 'tech_admin' });
    await putSession(ORIGIN, session(old));
    await Promise.all([putSession(ORIGIN, session(next)), clearSession(ORIGIN, old)]);
    expect((await getSession(ORIGIN))?.token).toBe(next);
  });
});
