/**
 * What the billing cache (lib/background/billing/cache.ts) keeps in storage.session, so a
 * restarted worker still paints at once: one snapshot per place (origin and cookie store) and
 * entry, the entries' use order, and what the family walk learnt per place. Gone when the
 * browser closes.
 */
import { z } from 'zod/mini';
import type { BillingError, BillingSnapshot, Family } from '@/lib/billing/model';
import { partsKey, partsPrefix, placeOfKey, type Place } from '@/lib/dashboard/place';
import { keysIn, readKey, removeKeys, writeKey } from '@/lib/storage/area';
import { defineStoredItem } from '@/lib/storage/stored-item';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Shallow: our own parsers built the snapshot; a read checks what the cache itself relies on. */
const snapshotSchema = z.custom<BillingSnapshot>(
  (value) => isRecord(value) && typeof value.family === 'string' && typeof value.fetchedAt === 'number' && isRecord(value.usage),
);
const errorSchema = z.custom<BillingError>((value) => isRecord(value) && typeof value.kind === 'string');

const cacheEntrySchema = z.object({
  snapshot: snapshotSchema,
  refreshError: z.nullable(errorSchema),
  /** Failed refreshes in a row, and when the next automatic one may go (epoch ms). */
  failures: z.number(),
  retryAt: z.nullable(z.number()),
});

export type CacheEntry = z.infer<typeof cacheEntrySchema>;

const ENTRY_PREFIX = 'session:billing:';
export type EntryKey = `${typeof ENTRY_PREFIX}${string}`;

/**
 * The key family's one definition, its prefix and schema: members are read through storage
 * itself (an item per key would read each one when defined), then validated here.
 */
const entryFamily = defineStoredItem<CacheEntry | null>(ENTRY_PREFIX, { schema: z.nullable(cacheEntrySchema), fallback: null });

/**
 * The cached snapshots, `session:billing:<origin>|<store>|<tenant>` for a tenant's current month
 * and `…|<tenant>|<month>` for one of its past months, each part escaped (lib/dashboard/place.ts
 * partsKey): no two entries share a key, whatever a host-given id holds. One that does not fit
 * reads as no entry (one warning for the family), so the figures are fetched again.
 */
export const billingEntries = {
  keyOf: ({ origin, store }: Place, tenantId: string, month?: string): EntryKey =>
    `${ENTRY_PREFIX}${month ? partsKey(origin, store, tenantId, month) : partsKey(origin, store, tenantId)}`,
  /** The start of every key of a place's entries. */
  prefixOf: ({ origin, store }: Place): EntryKey => `${ENTRY_PREFIX}${partsPrefix(origin, store)}`,
  /** The place an entry's key belongs to. */
  placeOf: (key: EntryKey): Place | null => placeOfKey(key.slice(ENTRY_PREFIX.length)),
  get: async (key: EntryKey): Promise<CacheEntry | null> => entryFamily.validate(await readKey(key)),
  set: (key: EntryKey, entry: CacheEntry): Promise<void> => writeKey(key, entry),
  remove: (keys: EntryKey[]): Promise<void> => removeKeys(keys),
  /** The keys of every entry stored for `place`. */
  async keysOf(place: Place): Promise<EntryKey[]> {
    const mine = billingEntries.prefixOf(place);
    return (await keysIn('session')).filter((key): key is EntryKey => key.startsWith(mine));
  },
};

const usedEntrySchema = z.object({
  key: z.custom<EntryKey>((key) => typeof key === 'string' && key.startsWith(ENTRY_PREFIX)),
  /** What the entry costs storage.session, as last written. */
  bytes: z.number(),
});

export type UsedEntry = z.infer<typeof usedEntrySchema>;

/** Every cached entry, least recently used first: all places in one order, as the byte bound counts across them. */
export const billingRecentItem = defineStoredItem('session:billingRecent', { schema: z.array(usedEntrySchema), fallback: [] });

const familySchema = z.literal(['panel', 'tenantV1', 'adminV1']) satisfies z.ZodMiniType<Family>;

/** Families dropped per place (`placeKey`; family-policy.ts rule 2), for this browser session and sign-in. */
export const droppedFamiliesItem = defineStoredItem('session:droppedFamilies', {
  schema: z.record(z.string(), z.array(familySchema)),
  fallback: {},
});

/**
 * The family that last answered per place (`placeKey`), for this browser session and sign-in: a tenant not
 * cached yet (or no more) then loads every part from it at once, not its usage first.
 */
export const answeredFamilyItem = defineStoredItem('session:answeredFamily', {
  schema: z.record(z.string(), familySchema),
  fallback: {},
});
