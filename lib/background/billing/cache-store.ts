/**
 * The cached entries (lib/storage/billing-cache.ts) and their use order: at most
 * MAX_ENTRIES_PER_ORIGIN entries per origin, the least recently used going first.
 */
import { billingEntries, billingRecentItem, type CacheEntry, type EntryKey } from '@/lib/storage/billing-cache';

/** Entries (a tenant's current month, or one of its past months) kept per origin. */
export const MAX_ENTRIES_PER_ORIGIN = 100;

/** One entry of an origin, and where it is stored. */
export interface EntrySlot {
  origin: string;
  /** The tenant ("BELGO-001"), or the tenant and one of its past months ("BELGO-001|2026-10"). */
  id: string;
  key: EntryKey;
}

export function slotOf(origin: string, tenantId: string, month?: string): EntrySlot {
  const id = month ? `${tenantId}|${month}` : tenantId;
  return { origin, id, key: billingEntries.keyOf(origin, id) };
}

/**
 * A cache write that fails costs the next paint a request, nothing more: the figures in hand
 * are still the host's, so they are answered all the same.
 */
export const quietly = (write: Promise<unknown>): Promise<void> => write.then(() => undefined, () => undefined);

export const readEntry = (slot: EntrySlot): Promise<CacheEntry | null> => billingEntries.get(slot.key);
export const writeEntry = (slot: EntrySlot, entry: CacheEntry): Promise<void> => quietly(billingEntries.set(slot.key, entry));
export const dropEntry = (slot: EntrySlot): Promise<void> => quietly(billingEntries.remove([slot.key]));

/** Marks an entry as just used; past the bound, the least recently used entries go. */
export function touch({ origin, id }: EntrySlot): Promise<void> {
  let evicted: string[] = [];
  const indexed = billingRecentItem.update((all) => {
    const list = [...(all[origin] ?? []).filter((used) => used !== id), id];
    evicted = list.splice(0, Math.max(0, list.length - MAX_ENTRIES_PER_ORIGIN));
    return { ...all, [origin]: list };
  });
  return quietly(indexed.then(() => billingEntries.remove(evicted.map((old) => billingEntries.keyOf(origin, old)))));
}

/** Drops every entry of `origin`, and its use order. */
export async function forgetEntries(origin: string): Promise<void> {
  await billingEntries.remove(await billingEntries.keysOf(origin));
  await billingRecentItem.update(({ [origin]: _gone, ...others }) => others);
}
