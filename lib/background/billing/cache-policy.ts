/**
 * Stale-while-revalidate: cached figures are answered at once; past the refresh interval a
 * refresh runs behind them; identical requests in flight share one read; a failed refresh keeps
 * the good figures (marked stale, with the reason) and the next automatic try waits
 * (family-policy.ts backoffMs), while a person's own refresh goes at once (the host's
 * Retry-After still holds it: lib/host/http/hold.ts). A refusal drops the figures.
 */
import type { BillingError, BillingSnapshot, Result } from '@/lib/billing/model';
import { isFresh } from '@/lib/billing/freshness';
import type { Freshness } from '@/lib/protocol/replies';
import { billingEntries, type CacheEntry } from '@/lib/storage/billing-cache';
import { backoffMs } from '@/lib/background/billing/family-policy';
import { dropEntry, readEntry, touch, writeEntry, type EntrySlot } from '@/lib/background/billing/cache-store';
import { signalFor } from '@/lib/background/billing/origin-abort';
import type { Place } from '@/lib/dashboard/place';

export interface CachedAnswer {
  snapshot: BillingSnapshot;
  stale: boolean;
  refreshError: BillingError | null;
  retryAt: number | null;
}

/** Reads the host for a slot; `entry`: what the slot holds now (read alongside, not before). */
export type Reader = (entry: Promise<CacheEntry | null>, signal: AbortSignal) => Promise<Result<BillingSnapshot>>;

/** One question to the cache: which entry, for which session, how to read it and how fresh. */
export interface Lookup {
  slot: EntrySlot;
  /** The session asking: the one signed out if the host refuses it. */
  token: string;
  read: Reader;
  freshness: Freshness;
  ttlMs: number;
  /** False for an entry that must not be answered any more (a month read from another family). */
  usable?: (entry: CacheEntry) => boolean;
}

type TokenRefused = (place: Place, token: string) => Promise<void>;

let tokenRefused: TokenRefused | undefined;

/**
 * Who hears that the host refused a session, even in a refresh running behind a cached answer:
 * the session module, which signs that token out (not a newer sign-in at the same place). It
 * subscribes because it imports the cache (to forget a place): the cache cannot import it.
 */
export function onTokenRefused(listener: TokenRefused): void {
  tokenRefused = listener;
}

/** Failures with nothing cached to show instead: the backoff still applies (worker memory). */
const failuresWithoutEntry = new Map<string, { error: BillingError; failures: number; retryAt: number }>();
const inFlight = new Map<string, Promise<Result<CachedAnswer>>>();

const SIGNED_OUT: Result<never> = { ok: false, error: { kind: 'signedOut' } };
const STORAGE_FAILED: Result<never> = { ok: false, error: { kind: 'storage' } };
/** Errors after which cached figures must not be shown any more. */
const DROPS_CACHE = new Set<BillingError['kind']>(['signedOut', 'noAccess']);

const answerOf = (entry: CacheEntry, stale: boolean): CachedAnswer => ({
  snapshot: entry.snapshot,
  stale,
  refreshError: entry.refreshError,
  retryAt: entry.retryAt,
});

/** Keeps what a read learnt and says what to answer. */
async function settle({ slot, token }: Lookup, previous: CacheEntry | null, result: Result<BillingSnapshot>): Promise<Result<CachedAnswer>> {
  const { key } = slot;
  if (result.ok) {
    failuresWithoutEntry.delete(key);
    const entry: CacheEntry = { snapshot: result.value, refreshError: null, failures: 0, retryAt: null };
    await writeEntry(slot, entry);
    return { ok: true, value: answerOf(entry, false) };
  }
  const error = result.error;
  if (DROPS_CACHE.has(error.kind)) {
    // The host refused this person: the figures it gave them before must go too.
    failuresWithoutEntry.delete(key);
    await dropEntry(slot);
    if (error.kind === 'signedOut') await tokenRefused?.(slot.place, token);
    return result;
  }
  // The host's own "not before" is the time to try again; otherwise each failure waits longer.
  const hostSaid = error.kind === 'server' ? error.retryAt : undefined;
  const failures = (previous?.failures ?? failuresWithoutEntry.get(key)?.failures ?? 0) + (hostSaid ? 0 : 1);
  const retryAt = hostSaid ?? Date.now() + backoffMs(failures);
  if (!previous) {
    failuresWithoutEntry.set(key, { error, failures, retryAt });
    return result;
  }
  const entry: CacheEntry = { ...previous, refreshError: error, failures, retryAt };
  await writeEntry(slot, entry);
  return { ok: true, value: answerOf(entry, true) };
}

function refresh(lookup: Lookup): Promise<Result<CachedAnswer>> {
  const { key } = lookup.slot;
  const running = inFlight.get(key);
  if (running) return running;
  // Taken before any await: a sign-out from here on aborts this very refresh.
  const signal = signalFor(lookup.slot.place);
  const task = (async (): Promise<Result<CachedAnswer>> => {
    try {
      const entry = readEntry(lookup.slot);
      const result = await lookup.read(entry, signal);
      // Signed out meanwhile: whatever came back belongs to nobody any more.
      if (signal.aborted) return SIGNED_OUT;
      return await settle(lookup, await entry, result);
    } catch {
      return signal.aborted ? SIGNED_OUT : STORAGE_FAILED;
    }
  })().finally(() => {
    if (inFlight.get(key) === task) inFlight.delete(key);
  });
  inFlight.set(key, task);
  return task;
}

/** Cached figures at once when they do, else a read of the host (shared with any in flight). */
export async function answer(lookup: Lookup): Promise<Result<CachedAnswer>> {
  const { slot, freshness } = lookup;
  let entry: CacheEntry | null;
  try {
    entry = await readEntry(slot);
  } catch {
    return STORAGE_FAILED;
  }
  if (entry && lookup.usable && !lookup.usable(entry)) entry = null;
  const now = Date.now();
  const failure = entry ? null : failuresWithoutEntry.get(slot.key);
  const waiting = (entry?.retryAt ?? failure?.retryAt ?? 0) > now;
  const fresh = !!entry && isFresh(entry, lookup.ttlMs, now);
  if (entry && (freshness === 'cached' || (freshness === 'fresh' && (fresh || waiting)))) {
    if (!fresh && !waiting) void refresh(lookup);
    void touch(slot);
    return { ok: true, value: answerOf(entry, !fresh) };
  }
  // Only a person's own refresh goes before the backoff is over.
  if (failure && waiting && freshness !== 'force') return { ok: false, error: failure.error };
  return refresh(lookup);
}

/** A request arriving after a sign-out starts afresh: it joins no aborted refresh, inherits no backoff. */
export function forgetPending(place: Place): void {
  const mine = (key: string) => key.startsWith(billingEntries.prefixOf(place));
  for (const key of inFlight.keys()) if (mine(key)) inFlight.delete(key);
  for (const key of failuresWithoutEntry.keys()) if (mine(key)) failuresWithoutEntry.delete(key);
}
