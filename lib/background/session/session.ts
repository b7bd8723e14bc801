/**
 * The page's person as the background knows them: their stored session, whether the host lets
 * them see billing, and what goes when they sign out or someone else signs in.
 */
import { fail, type Result } from '@/lib/billing/model';
import type { Access, PageSession } from '@/lib/protocol/replies';
import { forgetShownView } from '@/lib/storage/shown-view';
import { accessFor, forgetAccess } from '@/lib/background/session/access';
import { forgetOrigin } from '@/lib/background/billing/cache';
import { onTokenRefused } from '@/lib/background/billing/cache-policy';
import { clearSession, everSignedIn, getSession, putSession, toStoredSession, type StoredSession } from '@/lib/background/session/store';
import { forgetTenants } from '@/lib/background/session/tenants';

/** Origins whose last session could not be stored: "the browser refused", not "signed out". */
const unsavedSessions = new Set<string>();

/** Everything known about the last person on an origin goes together. */
async function forgetPerson(origin: string): Promise<void> {
  forgetAccess(origin);
  forgetTenants(origin);
  await Promise.all([forgetOrigin(origin), forgetShownView()]);
}

/**
 * The host refused `token`. If someone else has signed in on that origin since, their session
 * stays: the refused person's data was already dropped when the new session arrived.
 */
async function signOut(origin: string, token: string): Promise<void> {
  const current = await getSession(origin);
  if (current && current.token !== token) return;
  await Promise.all([clearSession(origin, token), forgetPerson(origin)]);
}

// The cache hears the host refuse a token first, even in a refresh behind a cached answer.
onTokenRefused(signOut);

/** What the host lets the person of `session` do (a refused token signs them out). */
export async function withAccess(origin: string, session: StoredSession | null): Promise<Result<Access>> {
  const result = await accessFor(origin, session);
  if (!result.ok && result.error.kind === 'signedOut' && session) await signOut(origin, session.token);
  return result;
}

/** The session of an origin whose person may see billing, or why not. */
export async function billingSession(origin: string): Promise<Result<StoredSession>> {
  const session = await getSession(origin);
  if (!session) {
    if (unsavedSessions.has(origin)) return fail({ kind: 'storage' });
    return fail((await everSignedIn(origin)) ? { kind: 'signedOut' } : { kind: 'signedOut', neverSignedIn: true });
  }
  const access = await withAccess(origin, session);
  if (!access.ok) return access;
  if (!access.value.signedIn) return fail({ kind: 'signedOut' });
  if (!access.value.canSeeBilling) return fail({ kind: 'noAccess' });
  return { ok: true, value: session };
}

/**
 * Keeps what a dashboard tab reports; a different token may be a different person, so nothing
 * cached for the last one survives. Resolves to the session now stored (null: signed out).
 */
export async function storeSession(origin: string, page: PageSession): Promise<Result<StoredSession | null>> {
  let changed: boolean;
  try {
    changed = await putSession(origin, toStoredSession(page));
    unsavedSessions.delete(origin);
  } catch {
    unsavedSessions.add(origin);
    return fail({ kind: 'storage' });
  }
  if (changed) await forgetPerson(origin);
  return { ok: true, value: await getSession(origin) };
}
