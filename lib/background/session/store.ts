/**
 * The background's session store: what the dashboard's page reports, kept per origin in the
 * sessions item (lib/storage/sessions.ts, where the token's safekeeping is described).
 */
import type { PageSession } from '@/lib/protocol/replies';
import { decodeJwtClaims } from '@/lib/host/normalize';
import { hasExpired, sessionsItem, signedInOriginsItem, type StoredSession } from '@/lib/storage/sessions';

export type { StoredSession } from '@/lib/storage/sessions';

/** A short text field of the page's `user_data` JSON (role, username), or null. */
function fromUserData(userData: string | null, field: 'role' | 'username'): string | null {
  if (!userData) return null;
  try {
    const parsed: unknown = JSON.parse(userData);
    const value = (parsed as Record<string, unknown> | null)?.[field];
    return typeof value === 'string' && value !== '' ? value.slice(0, 64) : null;
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

/** The session for an origin, or null when there is none or it has expired (then it is dropped). */
export async function getSession(origin: string, now = Date.now()): Promise<StoredSession | null> {
  const session = (await sessionsItem.getValue())[origin];
  if (!session) return null;
  if (hasExpired(session, now)) {
    await clearSession(origin, session.token);
    return null;
  }
  return session;
}

/**
 * Stores the page's session; returns true when the person or token changed. Through update():
 * two reports at once (tabs restored together at start-up) would otherwise both read "no
 * session", both say the person changed, and the second would abort the figures the first had
 * started to fetch.
 */
export async function putSession(origin: string, session: StoredSession | null): Promise<boolean> {
  let changed = false;
  await sessionsItem.update(({ [origin]: previous, ...others }) => {
    changed = (previous?.token ?? null) !== (session?.token ?? null);
    return session ? { ...others, [origin]: session } : others;
  });
  if (session) await signedInOriginsItem.update((origins) => (origins.includes(origin) ? origins : [...origins, origin]));
  return changed;
}

/** Whether anyone ever signed in on `origin` (with this browser profile). */
export async function everSignedIn(origin: string): Promise<boolean> {
  return (await signedInOriginsItem.getValue()).includes(origin);
}

/** Forgets the origin's session; with `token`, only if that is still the stored one. */
export async function clearSession(origin: string, token?: string): Promise<void> {
  await sessionsItem.update((all) => {
    const { [origin]: gone, ...others } = all;
    return !gone || (token !== undefined && gone.token !== token) ? all : others;
  });
}
