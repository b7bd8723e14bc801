/**
 * Stale-while-revalidate cache of billing snapshots per origin and tenant. Cached figures are
 * answered at once; past the refresh interval a refresh runs behind them; identical requests
 * in flight share one fetch; a failed refresh keeps the good figures (marked stale) instead of
 * wiping them. Entries live in storage.session so a restarted worker still paints at once.
 */
import { storage } from '#imports';
import type { BillingError, BillingSnapshot, Family, Part } from '../model';
import type { Freshness } from '../protocol';
import { isFresh } from '../freshness';
import { fetchSnapshot } from './billing-fetch';

export interface CacheEntry {
  snapshot: BillingSnapshot;
  refreshError: BillingError | null;
}

export interface CachedAnswer extends CacheEntry {
  stale: boolean;
}

type EntryKey = `session:billing:${string}`;

const PREFIX = 'session:billing:';
/**
 * Kept in storage.local, across browser restarts: which family a dashboard answers from is no
 * secret, and without it the first open of each day probes the others before the one that works.
 */
const familiesItem = storage.defineItem<Record<string, Family>>('local:families', { fallback: {} });
/** Read once per worker life: only this module writes the families. */
let knownFamilies: Promise<Record<string, Family>> | null = null;
const inFlight = new Map<string, Promise<Part<BillingSnapshot>>>();
/** One controller per origin: a sign-out aborts everything that origin has in flight. */
const controllers = new Map<string, AbortController>();

const keyOf = (origin: string, tenantId: string): EntryKey => `${PREFIX}${origin}|${tenantId}`;

function controllerFor(origin: string): AbortController {
  let controller = controllers.get(origin);
  if (!controller || controller.signal.aborted) {
    controller = new AbortController();
    controllers.set(origin, controller);
  }
  return controller;
}

/** Errors after which cached figures must not be shown any more. */
const DROPS_CACHE = new Set<BillingError['kind']>(['signedOut', 'noAccess']);

/**
 * Called when a refresh finds the session gone, even one running behind a cached answer. It
 * names the token that failed, so a newer sign-in on the same origin is not signed out.
 */
export type OnSignedOut = (origin: string, token: string) => Promise<void>;

async function refresh(origin: string, tenantId: string, token: string, onSignedOut: OnSignedOut): Promise<Part<BillingSnapshot>> {
  const key = keyOf(origin, tenantId);
  const running = inFlight.get(key);
  if (running) return running;
  // Taken before any await: a sign-out from here on aborts this very refresh.
  const signal = controllerFor(origin).signal;
  const task = (async (): Promise<Part<BillingSnapshot>> => {
    const families = await (knownFamilies ??= familiesItem.getValue());
    const result = await fetchSnapshot(origin, tenantId, token, { preferred: families[origin] ?? null, signal });
    // Signed out meanwhile: whatever came back belongs to nobody any more.
    if (signal.aborted) throw signal.reason;
    if (result.ok) {
      await storage.setItem<CacheEntry>(key, { snapshot: result.data, refreshError: null });
      if (families[origin] !== result.data.family) {
        const updated = { ...(await familiesItem.getValue()), [origin]: result.data.family };
        knownFamilies = Promise.resolve(updated);
        await familiesItem.setValue(updated);
      }
    } else if (DROPS_CACHE.has(result.error.kind)) {
      // The host refused this person: the figures it gave them before must go too.
      await storage.removeItem(key);
      if (result.error.kind === 'signedOut') await onSignedOut(origin, token);
    } else {
      const previous = await storage.getItem<CacheEntry>(key);
      if (previous) await storage.setItem<CacheEntry>(key, { ...previous, refreshError: result.error });
    }
    return result;
  })().finally(() => {
    if (inFlight.get(key) === task) inFlight.delete(key);
  });
  inFlight.set(key, task);
  return task;
}

export async function getBilling(
  origin: string,
  tenantId: string,
  token: string,
  freshness: Freshness,
  ttlMs: number,
  onSignedOut: OnSignedOut,
): Promise<Part<CachedAnswer>> {
  const entry = await storage.getItem<CacheEntry>(keyOf(origin, tenantId));
  const fresh = !!entry && isFresh(entry, ttlMs);
  if (entry && (freshness === 'cached' || (freshness === 'fresh' && fresh))) {
    if (!fresh) void refresh(origin, tenantId, token, onSignedOut).catch(() => undefined);
    return { ok: true, data: { ...entry, stale: !fresh } };
  }
  let result: Part<BillingSnapshot>;
  try {
    result = await refresh(origin, tenantId, token, onSignedOut);
  } catch {
    // Aborted by a sign-out while waiting.
    return { ok: false, error: { kind: 'signedOut' } };
  }
  if (result.ok) return { ok: true, data: { snapshot: result.data, refreshError: null, stale: false } };
  if (entry && !DROPS_CACHE.has(result.error.kind)) {
    return { ok: true, data: { snapshot: entry.snapshot, refreshError: result.error, stale: true } };
  }
  return result;
}

/** Sign-out or a new person: abort what is in flight and drop every figure of that origin. */
export async function forgetOrigin(origin: string): Promise<void> {
  controllers.get(origin)?.abort();
  controllers.delete(origin);
  // A request arriving now must start afresh, not join a refresh that was just aborted.
  for (const key of inFlight.keys()) if (key.startsWith(`${PREFIX}${origin}|`)) inFlight.delete(key);
  const all = await storage.snapshot('session');
  const keys = Object.keys(all)
    .filter((k) => k.startsWith(`billing:${origin}|`))
    .map((k) => `session:${k}` as EntryKey);
  await storage.removeItems(keys);
}
