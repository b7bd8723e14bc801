/**
 * Stale-while-revalidate cache of billing snapshots per origin and tenant, and per past month
 * (each month its own entry beside the tenant's current one). Cached figures are
 * answered at once; past the refresh interval a refresh runs behind them; identical requests
 * in flight share one fetch; a failed refresh keeps the good figures (marked stale, with the
 * reason) and the next automatic try waits (family-policy.ts backoffMs), while a person's own
 * refresh goes at once (the host's Retry-After still holds it: lib/host/http/hold.ts). Entries
 * live in storage.session so a restarted worker still paints at once, at most
 * MAX_ENTRIES_PER_ORIGIN per origin, the least recently used going first.
 */
import { storage } from '#imports';
import type { BillingError, BillingSnapshot, Family, Result } from '@/lib/billing/model';
import type { Freshness } from '@/lib/protocol/replies';
import { isFresh } from '@/lib/billing/freshness';
import { fetchMonth, fetchSnapshot } from '@/lib/background/billing/family-walk';
import { backoffMs } from '@/lib/background/billing/family-policy';

export interface CacheEntry {
  snapshot: BillingSnapshot;
  refreshError: BillingError | null;
  /** Failed refreshes in a row, and when the next automatic one may go (epoch ms). */
  failures: number;
  retryAt: number | null;
}

export interface CachedAnswer {
  snapshot: BillingSnapshot;
  stale: boolean;
  refreshError: BillingError | null;
  retryAt: number | null;
}

/** Entries (a tenant's current month, or one of its past months) kept per origin. */
export const MAX_ENTRIES_PER_ORIGIN = 100;

type EntryKey = `session:billing:${string}`;

const PREFIX = 'session:billing:';
/** An entry's id within its origin: the tenant ("BELGO-001") or one of its months ("BELGO-001|2026-10"). */
const entryId = (tenantId: string, month?: string): string => (month ? `${tenantId}|${month}` : tenantId);
const keyOf = (origin: string, id: string): EntryKey => `${PREFIX}${origin}|${id}`;
/** Families dropped per origin (family-policy.ts rule 2), for this browser session and sign-in. */
const droppedItem = storage.defineItem<Record<string, Family[]>>('session:droppedFamilies', { fallback: {} });
/**
 * The family that last answered per origin, for this browser session and sign-in: a tenant not
 * cached yet (or no more) then loads every part from it at once, not its usage first.
 */
const answeredItem = storage.defineItem<Record<string, Family>>('session:answeredFamily', { fallback: {} });
/** Cached entry ids per origin, least recently used first. */
const recentItem = storage.defineItem<Record<string, string[]>>('session:billingRecent', { fallback: {} });

/** Failures with nothing cached to show instead: the backoff still applies (worker memory). */
const failuresWithoutEntry = new Map<EntryKey, { error: BillingError; failures: number; retryAt: number }>();
const inFlight = new Map<EntryKey, Promise<Result<CachedAnswer>>>();
/** One controller per origin: a sign-out aborts everything that origin has in flight. */
const controllers = new Map<string, AbortController>();

const SIGNED_OUT: Result<never> = { ok: false, error: { kind: 'signedOut' } };
const STORAGE_FAILED: Result<never> = { ok: false, error: { kind: 'storage' } };
/** Errors after which cached figures must not be shown any more. */
const DROPS_CACHE = new Set<BillingError['kind']>(['signedOut', 'noAccess']);

function controllerFor(origin: string): AbortController {
  let controller = controllers.get(origin);
  if (!controller || controller.signal.aborted) {
    controller = new AbortController();
    controllers.set(origin, controller);
  }
  return controller;
}

/**
 * A cache write that fails costs the next paint a request, nothing more: the figures in hand
 * are still the host's, so they are answered all the same.
 */
const quietly = (write: Promise<unknown>): Promise<void> => write.then(() => undefined, () => undefined);

/** Index updates run one after another, so concurrent ones never lose each other. */
let recentQueue: Promise<void> = Promise.resolve();

/** Marks an entry as just used; past the bound, the least recently used entries go. */
function touch(origin: string, used: string): Promise<void> {
  recentQueue = recentQueue.then(async () => {
    const all = await recentItem.getValue();
    const list = [...(all[origin] ?? []).filter((id) => id !== used), used];
    const evicted = list.splice(0, Math.max(0, list.length - MAX_ENTRIES_PER_ORIGIN));
    await recentItem.setValue({ ...all, [origin]: list });
    if (evicted.length) await storage.removeItems(evicted.map((id) => keyOf(origin, id)));
  }).catch(() => undefined);
  return recentQueue;
}

/**
 * Called when a refresh finds the session gone, even one running behind a cached answer. It
 * names the token that failed, so a newer sign-in on the same origin is not signed out.
 */
export type OnSignedOut = (origin: string, token: string) => Promise<void>;

const answerOf = (entry: CacheEntry, stale: boolean): CachedAnswer => ({
  snapshot: entry.snapshot,
  stale,
  refreshError: entry.refreshError,
  retryAt: entry.retryAt,
});

/** Who a cache entry is for: one origin, tenant and session, and a past month or the current one. */
interface Slot {
  origin: string;
  tenantId: string;
  token: string;
  /** entryId(): the tenant, or the tenant and a past month. */
  id: string;
  key: EntryKey;
  onSignedOut: OnSignedOut;
}

function slotOf(origin: string, tenantId: string, token: string, onSignedOut: OnSignedOut, month?: string): Slot {
  const id = entryId(tenantId, month);
  return { origin, tenantId, token, id, key: keyOf(origin, id), onSignedOut };
}

/** Reads the host for a slot; `entry`: what the slot holds now (read alongside, not before). */
type Reader = (entry: Promise<CacheEntry | null>, signal: AbortSignal) => Promise<Result<BillingSnapshot>>;

/** Keeps what a read learnt and says what to answer. */
async function settle(slot: Slot, previous: CacheEntry | null, result: Result<BillingSnapshot>): Promise<Result<CachedAnswer>> {
  const { key } = slot;
  if (result.ok) {
    failuresWithoutEntry.delete(key);
    const entry: CacheEntry = { snapshot: result.value, refreshError: null, failures: 0, retryAt: null };
    await quietly(storage.setItem<CacheEntry>(key, entry));
    void touch(slot.origin, slot.id);
    return { ok: true, value: answerOf(entry, false) };
  }
  const error = result.error;
  if (DROPS_CACHE.has(error.kind)) {
    // The host refused this person: the figures it gave them before must go too.
    failuresWithoutEntry.delete(key);
    await quietly(storage.removeItem(key));
    if (error.kind === 'signedOut') await slot.onSignedOut(slot.origin, slot.token);
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
  await quietly(storage.setItem<CacheEntry>(key, entry));
  return { ok: true, value: answerOf(entry, true) };
}

function refresh(slot: Slot, read: Reader): Promise<Result<CachedAnswer>> {
  const { key } = slot;
  const running = inFlight.get(key);
  if (running) return running;
  // Taken before any await: a sign-out from here on aborts this very refresh.
  const signal = controllerFor(slot.origin).signal;
  const task = (async (): Promise<Result<CachedAnswer>> => {
    try {
      const entry = storage.getItem<CacheEntry>(key);
      const result = await read(entry, signal);
      // Signed out meanwhile: whatever came back belongs to nobody any more.
      if (signal.aborted) return SIGNED_OUT;
      return await settle(slot, await entry, result);
    } catch {
      return signal.aborted ? SIGNED_OUT : STORAGE_FAILED;
    }
  })().finally(() => {
    if (inFlight.get(key) === task) inFlight.delete(key);
  });
  inFlight.set(key, task);
  return task;
}

/** The walk down the families for the current month, keeping the families it dropped. */
function walkFamilies(slot: Slot): Reader {
  return async (entryRead, signal) => {
    const [entry, dropped, answered] = await Promise.all([
      entryRead,
      droppedItem.getValue().then((all) => all[slot.origin] ?? []),
      answeredItem.getValue().then((all) => all[slot.origin] ?? null),
    ]);
    const known = entry?.snapshot.family ?? answered;
    const walk = await fetchSnapshot(slot.origin, slot.tenantId, slot.token, { known, dropped, signal });
    if (signal.aborted) return walk.result;
    if (walk.dropped.join() !== dropped.join()) {
      await quietly(droppedItem.getValue().then((all) => droppedItem.setValue({ ...all, [slot.origin]: walk.dropped })));
    }
    const family = walk.result.ok ? walk.result.value.family : null;
    if (family && family !== answered) {
      await quietly(answeredItem.getValue().then((all) => answeredItem.setValue({ ...all, [slot.origin]: family })));
    }
    return walk.result;
  };
}

/** Cached figures at once when they do, else a read of the host (shared with any in flight). */
async function answer(
  slot: Slot,
  read: Reader,
  freshness: Freshness,
  ttlMs: number,
  /** False for an entry that must not be answered any more (a month read from another family). */
  usable: (entry: CacheEntry) => boolean = () => true,
): Promise<Result<CachedAnswer>> {
  let entry: CacheEntry | null;
  try {
    entry = await storage.getItem<CacheEntry>(slot.key);
  } catch {
    return STORAGE_FAILED;
  }
  if (entry && !usable(entry)) entry = null;
  const now = Date.now();
  const failure = entry ? null : failuresWithoutEntry.get(slot.key);
  const waiting = (entry?.retryAt ?? failure?.retryAt ?? 0) > now;
  const fresh = !!entry && isFresh(entry, ttlMs, now);
  if (entry && (freshness === 'cached' || (freshness === 'fresh' && (fresh || waiting)))) {
    if (!fresh && !waiting) void refresh(slot, read);
    void touch(slot.origin, slot.id);
    return { ok: true, value: answerOf(entry, !fresh) };
  }
  // Only a person's own refresh goes before the backoff is over.
  if (failure && waiting && freshness !== 'force') return { ok: false, error: failure.error };
  return refresh(slot, read);
}

export async function getBilling(
  origin: string,
  tenantId: string,
  token: string,
  freshness: Freshness,
  ttlMs: number,
  onSignedOut: OnSignedOut,
): Promise<Result<CachedAnswer>> {
  const slot = slotOf(origin, tenantId, token, onSignedOut);
  return answer(slot, walkFamilies(slot), freshness, ttlMs);
}

/**
 * A past month of a tenant, cached beside its current month, read from `current`: the family
 * that gave the current month (a month another family gave before is read again).
 */
export async function getBillingMonth(
  origin: string,
  tenantId: string,
  token: string,
  current: Pick<BillingSnapshot, 'family' | 'simulated'>,
  month: string,
  freshness: Freshness,
  ttlMs: number,
  onSignedOut: OnSignedOut,
): Promise<Result<CachedAnswer>> {
  const slot = slotOf(origin, tenantId, token, onSignedOut, month);
  const read: Reader = (_entry, signal) => fetchMonth(origin, tenantId, token, current, month, signal);
  return answer(slot, read, freshness, ttlMs, (entry) => entry.snapshot.family === current.family);
}

/** Sign-out or a new person: abort what is in flight and drop everything known of that origin. */
export async function forgetOrigin(origin: string): Promise<void> {
  controllers.get(origin)?.abort();
  controllers.delete(origin);
  const mine = (key: string) => key.startsWith(`${PREFIX}${origin}|`);
  // A request arriving now must start afresh, not join a refresh that was just aborted.
  for (const key of inFlight.keys()) if (mine(key)) inFlight.delete(key);
  for (const key of failuresWithoutEntry.keys()) if (mine(key)) failuresWithoutEntry.delete(key);
  const all = await storage.snapshot('session');
  const keys = Object.keys(all)
    .map((k) => `session:${k}` as EntryKey)
    .filter(mine);
  await storage.removeItems(keys);
  // The next person (or the same one, signed in afresh) probes every family again.
  const [dropped, answered, recent] = await Promise.all([droppedItem.getValue(), answeredItem.getValue(), recentItem.getValue()]);
  await Promise.all([
    droppedItem.setValue(without(dropped, origin)),
    answeredItem.setValue(without(answered, origin)),
    recentItem.setValue(without(recent, origin)),
  ]);
}

function without<V>(all: Record<string, V>, origin: string): Record<string, V> {
  return Object.fromEntries(Object.entries(all).filter(([key]) => key !== origin));
}
