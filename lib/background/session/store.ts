/**
 * The signed-in person's token per dashboard origin, as the page's localStorage holds it.
 * Kept in storage.session only: it lives in memory, is gone when the browser closes and is not
 * readable by content scripts (docs/firefox.md). Never in storage.local/sync, never logged.
 */
import { storage } from '#imports';
import type { PageSession } from '@/lib/protocol/replies';
import { decodeJwtClaims } from '@/lib/host/normalize';

export interface StoredSession {
  token: string;
  /** Epoch ms after which the host refuses the token (the JWT's exp), or null if it has none. */
  expiresAt: number | null;
  /** Who is signed in: the token's `sub` (the username), else the page's `user_data`. */
  person: string | null;
  /**
   * The page's `current_tenant`. No evidence of membership: the host's login page writes
   * BELGO-001 for everyone it cannot list tenants for. Only ever offered for confirmation.
   */
  currentTenant: string | null;
  /** The role the page recorded in `user_data`, the last fallback for access decisions. */
  pageRole: string | null;
}

/** Read directly only by the popup's first paint (lib/storage/shown-view.ts); written only here. */
export const sessionsItem = storage.defineItem<Record<string, StoredSession>>('session:sessions', { fallback: {} });

/**
 * Writes run one after another. Two reports at once (tabs restored together at start-up) would
 * otherwise both read "no session", both say the person changed, and the second would abort
 * the figures the first had started to fetch.
 */
let lastWrite: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(write: () => Promise<T>): Promise<T> {
  const run = lastWrite.then(write, write);
  lastWrite = run.catch(() => undefined);
  return run;
}
/**
 * Origins where a session was ever reported, so that "never signed in" (first run) and "the
 * session ended" are worded apart. Only the origin is kept: no token, no person.
 */
const signedInOnceItem = storage.defineItem<string[]>('local:signedInOrigins', { fallback: [], version: 1 });

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

/**
 * Calls `onChange` when someone signs in or out on any dashboard (a token appears, changes or
 * goes), for the extension's own pages; returns the way to stop. The tokens stay here.
 */
export function watchSignIns(onChange: () => void): () => void {
  const people = (all: Record<string, StoredSession> | null) =>
    Object.entries(all ?? {}).map(([origin, session]) => `${origin} ${session.token}`).sort().join('\n');
  return sessionsItem.watch((now, before) => {
    if (people(now) !== people(before)) onChange();
  });
}

/** The session for an origin, or null when there is none or it has expired (then it is dropped). */
export async function getSession(origin: string, now = Date.now()): Promise<StoredSession | null> {
  const all = await sessionsItem.getValue();
  const session = all[origin];
  if (!session) return null;
  if (session.expiresAt !== null && session.expiresAt <= now) {
    await clearSession(origin, session.token);
    return null;
  }
  return session;
}

/** Stores the page's session; returns true when the person or token changed. */
export function putSession(origin: string, session: StoredSession | null): Promise<boolean> {
  return oneAtATime(async () => {
    // A copy: the stored value may be the item's shared fallback object.
    const all = { ...(await sessionsItem.getValue()) };
    const before = all[origin]?.token ?? null;
    if (session) all[origin] = session;
    else delete all[origin];
    await sessionsItem.setValue(all);
    if (session) await rememberSignedIn(origin);
    return before !== (session?.token ?? null);
  });
}

async function rememberSignedIn(origin: string): Promise<void> {
  const origins = await signedInOnceItem.getValue();
  if (!origins.includes(origin)) await signedInOnceItem.setValue([...origins, origin]);
}

/** Whether anyone ever signed in on `origin` (with this browser profile). */
export async function everSignedIn(origin: string): Promise<boolean> {
  return (await signedInOnceItem.getValue()).includes(origin);
}

/** Forgets the origin's session; with `token`, only if that is still the stored one. */
export function clearSession(origin: string, token?: string): Promise<void> {
  return oneAtATime(async () => {
    const all = { ...(await sessionsItem.getValue()) };
    if (!all[origin] || (token !== undefined && all[origin].token !== token)) return;
    delete all[origin];
    await sessionsItem.setValue(all);
  });
}
