/** The session store's writes: one after another, so two reports at once agree on what changed. */
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, everSignedIn, getSession, putSession, toStoredSession } from '@/lib/background/session/store';
import { sessionsItem } from '@/lib/storage/sessions';
import { NORMAL_STORE } from '@/lib/dashboard/place';
import { ORIGIN, mintJwt } from '@/tests/support/fake-host';
import { slowStorageReads } from '@/tests/support/slow-storage';

const HERE = { origin: ORIGIN, store: NORMAL_STORE };
const session = (token: string) => toStoredSession({ token, userData: null, currentTenant: 'BELGO-001' })!;

beforeEach(() => {
  slowStorageReads('session');
  slowStorageReads('local');
});

describe('putSession', () => {
  it('two tabs reporting the same new sign-in at once: one change of person, not two', async () => {
    const token = mintJwt();
    const changes = await Promise.all([putSession(HERE, session(token)), putSession(HERE, session(token))]);
    // A second "change" would drop (and abort) the figures the first had started to load.
    expect(changes.filter(Boolean)).toHaveLength(1);
    expect((await getSession(HERE))?.token).toBe(token);
  });

  it('a sign-in and a sign-out of the old token at once keep the new sign-in', async () => {
    const old = mintJwt({ sub: 'belgo_admin' });
    const next = mintJwt({ sub: 'tech_admin' });
    await putSession(HERE, session(old));
    await Promise.all([putSession(HERE, session(next)), clearSession(HERE, old)]);
    expect((await getSession(HERE))?.token).toBe(next);
  });

  it('remembers every origin signed in on, two at once included', async () => {
    await Promise.all([putSession(HERE, session(mintJwt())), putSession({ origin: 'https://dash.example.com', store: NORMAL_STORE }, session(mintJwt()))]);
    expect(await everSignedIn(HERE)).toBe(true);
    expect(await everSignedIn({ origin: 'https://dash.example.com', store: NORMAL_STORE })).toBe(true);
    expect(await everSignedIn({ origin: 'https://other.example.com', store: NORMAL_STORE })).toBe(false);
  });
});

describe('getSession', () => {
  it('an expired session reads as none, and is dropped', async () => {
    await putSession(HERE, session(mintJwt({ exp: 1000 })));
    expect(await getSession(HERE, 1000 * 1000)).toBeNull();
    expect(await sessionsItem.getValue()).toEqual({});
  });
});

describe('toStoredSession', () => {
  it('cleans the username and role the page keeps in user_data: no bidi or invisible character reaches a screen or a key', () => {
    // A token without a `sub`: the page's record names the person.
    const token = `h.${btoa('{}')}.s`;
    const userData = JSON.stringify({ username: '\u202Etech\u200B_admin\u202C', role: 'AD\u2066MIN\n' });
    expect(toStoredSession({ token, userData, currentTenant: null })).toMatchObject({ person: 'tech_admin', pageRole: 'ADMIN' });
    expect(toStoredSession({ token, userData: JSON.stringify({ username: '\u200E\u200F', role: 7 }), currentTenant: null }))
      .toMatchObject({ person: null, pageRole: null });
  });
});
