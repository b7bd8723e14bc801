/**
 * The background's session store: what a dashboard tab reports, kept per place (origin and
 * cookie store: lib/dashboard/place.ts) in the sessions item (lib/storage/sessions.ts, where
 * the token's safekeeping is described).
 */
import type { PageSession } from '@/lib/protocol/replies';
import { stripInvisible } from '@/lib/billing/host-text';
import { decodeJwtClaims } from '@/lib/host/normalize';
import { isPrivate, type Place } from '@/lib/dashboard/place';
import { hasExpired, sessionAt, sessionsItem, signedInOriginsItem, type Sessions, type StoredSession } from '@/lib/storage/sessions';

export type { StoredSession } from '@/lib/storage/sessions';

/**
 * A short text field of the page's `user_data` JSON (role, username), or null; cleaned as the
 * host's own texts are (lib/billing/host-text.ts): the username is shown and keys the person's
 * tenant choices, so no bidi or invisible character may reorder it or make two names look alike.
 */
function fromUserData(userData: string | null, field: 'role' | 'username'): string | null {
  if (!userData) return null;
  try {
    const parsed: unknown = JSON.parse(userData);
    const value = (parsed as Record<string, unknown> | null)?.[field];
    const text = typeof value === 'string' ? stripInvisible(value).trim().slice(0, 64) : '';
    return text !== '' ? text : null;
  } catch {
    return null;
  }
}

export function toStoredSession(page: PageSession): StoredSession | null {
  if (!page.token) return null;
  const claims = decodeJwtClaims(page.token);
  return {
    token: page.token,
    expiresAt: typeof claims?.exp === 'number' ? claims.exp * 1000 : null,
    person: claims?.sub || fromUserData(page.userData, 'username'),
    currentTenant: page.currentTenant,
    pageRole: fromUserData(page.userData, 'role'),
  };
}

/** `all` with the place's session set (null: removed; an origin left without any goes with it). */
function withSession(all: Sessions, { origin, store }: Place, session: StoredSession | null): Sessions {
  const { [store]: _replaced, ...otherStores } = all[origin] ?? {};
  const stores = session ? { ...otherStores, [store]: session } : otherStores;
  const { [origin]: _before, ...otherOrigins } = all;
  return Object.keys(stores).length > 0 ? { ...otherOrigins, [origin]: stores } : otherOrigins;
}

/** The session of a place, or null when there is none or it has expired (then it is dropped). */
export async function getSession(place: Place, now = Date.now()): Promise<StoredSession | null> {
  const session = sessionAt(await sessionsItem.getValue(), place);
  if (!session) return null;
  if (hasExpired(session, now)) {
    await clearSession(place, session.token);
    return null;
  }
  return session;
}

/**
 * Stores the page's session; returns true when the person or token changed. Through update():
 * two reports at once (tabs restored together at start-up) would otherwise both read "no
 * session", both say the person changed, and the second would abort the figures the first had
 * started to fetch. Fails closed: on a change, the last session is removed and `beforeChange`
 * (which drops that person's figures) has run before the new one is written, so a write that
 * fails (storage.session full) leaves nobody's session, never the last person's. A private
 * window's origin is not added to the profile's sign-ins: nothing of a private window goes to
 * storage.local (a sign-out there is then worded as "never signed in").
 */
export async function putSession(place: Place, session: StoredSession | null, beforeChange?: () => Promise<void>): Promise<boolean> {
  let changed = false;
  await sessionsItem.update(async (all) => {
    const previous = sessionAt(all, place);
    changed = (previous?.token ?? null) !== (session?.token ?? null);
    const without = withSession(all, place, null);
    if (changed && previous) await sessionsItem.setValue(without);
    if (changed) await beforeChange?.();
    return session ? withSession(without, place, session) : without;
  });
  if (session && !isPrivate(place)) {
    await signedInOriginsItem.update((origins) => (origins.includes(place.origin) ? origins : [...origins, place.origin]));
  }
  return changed;
}

/** Whether anyone ever signed in on the place's origin (with this browser profile). */
export async function everSignedIn({ origin }: Place): Promise<boolean> {
  return (await signedInOriginsItem.getValue()).includes(origin);
}

/** Forgets the place's session; with `token`, only if that is still the stored one. */
export async function clearSession(place: Place, token?: string): Promise<void> {
  await sessionsItem.update((all) => {
    const gone = sessionAt(all, place);
    return !gone || (token !== undefined && gone.token !== token) ? all : withSession(all, place, null);
  });
}

/** Every place with a session. */
export async function placesSignedIn(): Promise<Place[]> {
  const all = await sessionsItem.getValue();
  return Object.entries(all).flatMap(([origin, stores]) => Object.keys(stores).map((store) => ({ origin, store })));
}
