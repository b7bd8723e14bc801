/** The session store's writes: one after another, so two reports at once agree on what changed. */
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, everSignedIn, getSession, putSession, toStoredSession } from '@/lib/background/session/store';
import { sessionsItem } from '@/lib/storage/sessions';
import { ORIGIN, mintJwt } from '@/tests/support/fake-host';
import { slowStorageReads } from '@/tests/support/slow-storage';

const session = (token: string) => toStoredSession({ token, userData: null, currentTenant: 'BELGO-001' })!;

beforeEach(() => {
  slowStorageReads('session');
  slowStorageReads('local');
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

  it('remembers every origin signed in on, two at once included', async () => {
    await Promise.all([putSession(ORIGIN, session(mintJwt())), putSession('https://dash.example.com', session(mintJwt()))]);
    expect(await everSignedIn(ORIGIN)).toBe(true);
    expect(await everSignedIn('https://dash.example.com')).toBe(true);
    expect(await everSignedIn('https://other.example.com')).toBe(false);
  });
});

describe('getSession', () => {
  it('an expired session reads as none, and is dropped', async () => {
    await putSession(ORIGIN, session(mintJwt({ exp: 1000 })));
    expect(await getSession(ORIGIN, 1000 * 1000)).toBeNull();
    expect(await sessionsItem.getValue()).toEqual({});
  });
});
