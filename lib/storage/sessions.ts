/**
 * The signed-in person's token per dashboard origin and cookie store (lib/dashboard/place.ts:
 * containers and private windows have a localStorage, so a person, each), as the page's
 * localStorage holds it. Kept in storage.session only: it lives in memory, is gone when the browser closes and is not
 * readable by content scripts (docs/firefox.md). Never in storage.local/sync, never logged.
 * Written by the background's session store (lib/background/session/store.ts) only.
 */
import { z } from 'zod/mini';
import { placeKey, type Place } from '@/lib/dashboard/place';
import { defineStoredItem } from '@/lib/storage/stored-item';

const storedSessionSchema = z.object({
  token: z.string(),
  /** Epoch ms after which the host refuses the token (the JWT's exp), or null if it has none. */
  expiresAt: z.nullable(z.number()),
  /** Who is signed in: the token's `sub` (the username), else the page's `user_data`. */
  person: z.nullable(z.string()),
  /**
   * The page's `current_tenant`. No evidence of membership: the host's login page writes
   * BELGO-001 for everyone it cannot list tenants for. Only ever offered for confirmation.
   */
  currentTenant: z.nullable(z.string()),
  /** The role the page recorded in `user_data`, the last fallback for access decisions. */
  pageRole: z.nullable(z.string()),
});

export type StoredSession = z.infer<typeof storedSessionSchema>;

/** Origin → cookie store → its session. */
const sessionsSchema = z.record(z.string(), z.record(z.string(), storedSessionSchema));

export type Sessions = z.infer<typeof sessionsSchema>;

/** Sessions that do not fit read as none: everyone is asked to sign in again. */
export const sessionsItem = defineStoredItem('session:sessions', { schema: sessionsSchema, fallback: {} });

/** The session of a place in `all`, if any. */
export const sessionAt = (all: Sessions, { origin, store }: Place): StoredSession | undefined => all[origin]?.[store];

/**
 * Origins where a session was ever reported, so that "never signed in" (first run) and "the
 * session ended" are worded apart. Only the origin is kept: no token, no person; and never
 * for a private window (lib/background/session/store.ts).
 */
export const signedInOriginsItem = defineStoredItem('local:signedInOrigins', {
  schema: z.array(z.string()),
  fallback: [],
  version: 1,
});

/** Whether the host refuses the session's token by now: the one expiry rule. */
export const hasExpired = (session: StoredSession, now: number): boolean =>
  session.expiresAt !== null && session.expiresAt <= now;

/**
 * Calls `onChange` when someone signs in or out on any dashboard, or on the one at `origin` (a
 * token appears, changes or goes), for the extension's own pages; returns the way to stop. The
 * tokens stay here.
 */
export function watchSignIns(onChange: () => void, origin?: string): () => void {
  const people = (all: Sessions) =>
    Object.entries(all)
      .filter(([at]) => origin === undefined || at === origin)
      .flatMap(([origin, stores]) => Object.entries(stores).map(([store, session]) => `${placeKey({ origin, store })} ${session.token}`))
      .sort()
      .join('\n');
  return sessionsItem.watch((now, before) => {
    if (people(now) !== people(before)) onChange();
  });
}
