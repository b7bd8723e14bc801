/** The sessions item as the extension's pages see it: expiry, sign-ins watched, bad values. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { hasExpired, sessionsItem, watchSignIns, type StoredSession } from '@/lib/storage/sessions';

const session = (token: string, expiresAt: number | null = null): StoredSession =>
  ({ token, expiresAt, person: 'belgo_admin', currentTenant: null, pageRole: null });

describe('hasExpired', () => {
  it('from the moment the token expires; a token without expiry never does', () => {
    expect(hasExpired(session('a', 1000), 999)).toBe(false);
    expect(hasExpired(session('a', 1000), 1000)).toBe(true);
    expect(hasExpired(session('a'), Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});

describe('watchSignIns', () => {
  it('tells of a token that appears, changes or goes, not of other changes', async () => {
    const seen = vi.fn();
    const stop = watchSignIns(seen);
    await sessionsItem.setValue({ a: { default: session('one') } });
    await sessionsItem.setValue({ a: { default: { ...session('one'), currentTenant: 'BELGO-001' } } });
    await sessionsItem.setValue({ a: { default: session('two') } });
    // Another container signing in is a sign-in too.
    await sessionsItem.setValue({ a: { default: session('two'), 'firefox-container-1': session('one') } });
    await sessionsItem.removeValue();
    expect(seen).toHaveBeenCalledTimes(4);
    stop();
  });
});

describe('sessionsItem', () => {
  it('reads sessions that do not fit as none: everyone signs in again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.session.set({ sessions: { a: { default: { token: 42 } } } });
    expect(await sessionsItem.getValue()).toEqual({});
  });
});
