/**
 * The page's person as the background knows them, per place (a dashboard origin and a cookie
 * store): their stored session, whether the host lets them see billing, and what goes when they
 * sign out or someone else signs in. A person in one container or private window never touches
 * another's: each store's tabs have a page session of their own.
 */
import { fail, type Result } from '@/lib/billing/model';
import type { Access, PageSession } from '@/lib/protocol/replies';
import { placeKey, type Place } from '@/lib/dashboard/place';
import { forgetShownView } from '@/lib/storage/shown-view';
import { accessFor, forgetAccess } from '@/lib/background/session/access';
import { cachedPlaces, forgetCache } from '@/lib/background/billing/cache';
import { onTokenRefused } from '@/lib/background/billing/cache-policy';
import {
  clearSession, everSignedIn, getSession, placesSignedIn, putSession, toStoredSession, type StoredSession,
} from '@/lib/background/session/store';
import { forgetTenants } from '@/lib/background/session/tenants';

/** Places whose last session could not be stored: "the browser refused", not "signed out". */
const unsavedSessions = new Set<string>();

/**
 * Everything known about the last person of a place goes together. The host's answers about
 * access and tenants are kept per origin and token: those of the origin's other places are
 * asked again, which costs a request, never a wrong answer.
 */
async function forgetPerson(place: Place): Promise<void> {
  forgetAccess(place.origin);
  forgetTenants(place.origin);
  await Promise.all([forgetCache(place), forgetShownView(place)]);
}

/**
 * The host refused `token`. If someone else has signed in on that place since, their session
 * stays: the refused person's data was already dropped when the new session arrived.
 */
async function signOut(place: Place, token: string): Promise<void> {
  const current = await getSession(place);
  if (current && current.token !== token) return;
  await Promise.all([clearSession(place, token), forgetPerson(place)]);
}

// The cache hears the host refuse a token first, even in a refresh behind a cached answer.
onTokenRefused(signOut);

/** What the host lets the person of `session` do (a refused token signs them out). */
export async function withAccess(place: Place, session: StoredSession | null): Promise<Result<Access>> {
  const result = await accessFor(place.origin, session);
  if (!result.ok && result.error.kind === 'signedOut' && session) await signOut(place, session.token);
  return result;
}

/** The session of a place whose person may see billing, or why not. */
export async function billingSession(place: Place): Promise<Result<StoredSession>> {
  // The page has someone this background could not keep: not the person stored before either.
  if (unsavedSessions.has(placeKey(place))) return fail({ kind: 'storage' });
  const session = await getSession(place);
  if (!session) return fail((await everSignedIn(place)) ? { kind: 'signedOut' } : { kind: 'signedOut', neverSignedIn: true });
  const access = await withAccess(place, session);
  if (!access.ok) return access;
  if (!access.value.signedIn) return fail({ kind: 'signedOut' });
  if (!access.value.canSeeBilling) return fail({ kind: 'noAccess' });
  return { ok: true, value: session };
}

/**
 * The place is no longer watched (./watched.ts), or its private windows have closed
 * (./private-store.ts): its session and all known of its person go at once.
 */
export async function forgetPlace(place: Place): Promise<void> {
  unsavedSessions.delete(placeKey(place));
  await Promise.all([clearSession(place), forgetPerson(place)]);
}

/** Every place with a session or cached figures, each once. */
export async function knownPlaces(): Promise<Place[]> {
  const places = (await Promise.all([placesSignedIn(), cachedPlaces()])).flat();
  return [...new Map(places.map((place) => [placeKey(place), place])).values()];
}

/**
 * Keeps what a dashboard tab reports; a different token may be a different person, so nothing
 * cached for the last one survives: it is dropped before the new session is written (fail
 * closed, ./store.ts putSession). Resolves to the session now stored (null: signed out).
 */
export async function storeSession(place: Place, page: PageSession): Promise<Result<StoredSession | null>> {
  try {
    await putSession(place, toStoredSession(page), () => forgetPerson(place));
    unsavedSessions.delete(placeKey(place));
  } catch {
    unsavedSessions.add(placeKey(place));
    return fail({ kind: 'storage' });
  }
  return { ok: true, value: await getSession(place) };
}
