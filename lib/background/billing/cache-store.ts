/**
 * The cached entries (lib/storage/billing-cache.ts) and their use order: at most
 * MAX_ENTRIES_PER_PLACE entries per place (origin and cookie store) and MAX_CACHE_BYTES in all,
 * the least recently used going first.
 */
import type { Place } from '@/lib/dashboard/place';
import { billingEntries, billingRecentItem, type CacheEntry, type EntryKey, type UsedEntry } from '@/lib/storage/billing-cache';

/** Entries (a tenant's current month, or one of its past months) kept per place. */
export const MAX_ENTRIES_PER_PLACE = 100;

/**
 * The cache's share of storage.session, whose quota is 10 MB in Chromium (QUOTA_BYTES): 4 MiB,
 * so the sessions, the popup's shown view (a copy of one entry) and the rest always have room,
 * and a new person's session is never refused for want of it. One entry is at most about a 2 MB
 * host body (lib/host/http/fetch.ts), so the one just written always fits.
 */
export const MAX_CACHE_BYTES = 4 * 1024 * 1024;

/** What an entry costs storage: its key and its JSON, in UTF-8 bytes (as Chromium counts the quota). */
const bytesOf = (key: EntryKey, entry: CacheEntry): number => new TextEncoder().encode(key + JSON.stringify(entry)).length;

/** One entry of a place, and where it is stored. */
export interface EntrySlot {
  place: Place;
  key: EntryKey;
}

/** The entry of a tenant's current month, or of one of its past months. */
export function slotOf(place: Place, tenantId: string, month?: string): EntrySlot {
  return { place, key: billingEntries.keyOf(place, tenantId, month) };
}

/**
 * A cache write that fails costs the next paint a request, nothing more: the figures in hand
 * are still the host's, so they are answered all the same.
 */
export const quietly = (write: Promise<unknown>): Promise<void> => write.then(() => undefined, () => undefined);

export const readEntry = (slot: EntrySlot): Promise<CacheEntry | null> => billingEntries.get(slot.key);
/** Writes an entry and marks it as just used, with its size (the bounds are kept behind the answer). */
export function writeEntry(slot: EntrySlot, entry: CacheEntry): Promise<void> {
  void touch(slot, bytesOf(slot.key, entry));
  return quietly(billingEntries.set(slot.key, entry));
}
/** Drops an entry, and its place in the use order. */
export const dropEntry = ({ key }: EntrySlot): Promise<void> =>
  quietly(Promise.all([billingEntries.remove([key]), billingRecentItem.update((all) => all.filter((used) => used.key !== key))]));

/** The least recently used entries past the bounds, never `kept` (the one just used). */
function pastTheBounds(list: readonly UsedEntry[], mine: string, kept: EntryKey): EntryKey[] {
  const placeEntries = list.filter((used) => used.key.startsWith(mine));
  const evicted = placeEntries.slice(0, Math.max(0, placeEntries.length - MAX_ENTRIES_PER_PLACE)).map((used) => used.key);
  let bytes = list.reduce((sum, used) => sum + (evicted.includes(used.key) ? 0 : used.bytes), 0);
  for (const used of list) {
    if (bytes <= MAX_CACHE_BYTES) break;
    if (used.key === kept || evicted.includes(used.key)) continue;
    evicted.push(used.key);
    bytes -= used.bytes;
  }
  return evicted;
}

/** Marks an entry as just used (`bytes`: its size when just written); past the bounds, the least recently used go. */
export function touch({ place, key }: EntrySlot, bytes?: number): Promise<void> {
  let evicted: EntryKey[] = [];
  const indexed = billingRecentItem.update((all) => {
    const size = bytes ?? all.find((used) => used.key === key)?.bytes ?? 0;
    const list = [...all.filter((used) => used.key !== key), { key, bytes: size }];
    evicted = pastTheBounds(list, billingEntries.prefixOf(place), key);
    return list.filter((used) => !evicted.includes(used.key));
  });
  return quietly(indexed.then(() => billingEntries.remove(evicted)));
}

/** The places with entries, as their use order knows them (every entry written is in it). */
export async function entryPlaces(): Promise<Place[]> {
  return (await billingRecentItem.getValue()).flatMap((used) => billingEntries.placeOf(used.key) ?? []);
}

/** Drops every entry of `place`, and its use order. */
export async function forgetEntries(place: Place): Promise<void> {
  const mine = billingEntries.prefixOf(place);
  await billingEntries.remove(await billingEntries.keysOf(place));
  await billingRecentItem.update((all) => all.filter((used) => !used.key.startsWith(mine)));
}
