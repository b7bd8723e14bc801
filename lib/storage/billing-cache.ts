/**
 * What the billing cache (lib/background/billing/cache.ts) keeps in storage.session, so a
 * restarted worker still paints at once: one snapshot per origin and entry, the entries' use
 * order, and what the family walk learnt per origin. Gone when the browser closes.
 */
import { z } from 'zod/mini';
import type { BillingError, BillingSnapshot, Family } from '@/lib/billing/model';
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
 * The cached snapshots, `session:billing:<origin>|<id>`: the id is the tenant ("BELGO-001") or
 * one of its past months ("BELGO-001|2026-10"). One that does not fit reads as no entry (one
 * warning for the family), so the figures are fetched again.
 */
export const billingEntries = {
  keyOf: (origin: string, id: string): EntryKey => `${ENTRY_PREFIX}${origin}|${id}`,
  get: async (key: EntryKey): Promise<CacheEntry | null> => entryFamily.validate(await readKey(key)),
  set: (key: EntryKey, entry: CacheEntry): Promise<void> => writeKey(key, entry),
  remove: (keys: EntryKey[]): Promise<void> => removeKeys(keys),
  /** The keys of every entry stored for `origin`. */
  async keysOf(origin: string): Promise<EntryKey[]> {
    const mine = billingEntries.keyOf(origin, '');
    return (await keysIn('session')).filter((key): key is EntryKey => key.startsWith(mine));
  },
};

/** Cached entry ids per origin, least recently used first. */
export const billingRecentItem = defineStoredItem('session:billingRecent', {
  schema: z.record(z.string(), z.array(z.string())),
  fallback: {},
});

const familySchema = z.enum(['panel', 'tenantV1', 'adminV1']) satisfies z.ZodMiniType<Family>;

/** Families dropped per origin (family-policy.ts rule 2), for this browser session and sign-in. */
export const droppedFamiliesItem = defineStoredItem('session:droppedFamilies', {
  schema: z.record(z.string(), z.array(familySchema)),
  fallback: {},
});

/**
 * The family that last answered per origin, for this browser session and sign-in: a tenant not
 * cached yet (or no more) then loads every part from it at once, not its usage first.
 */
export const answeredFamilyItem = defineStoredItem('session:answeredFamily', {
  schema: z.record(z.string(), familySchema),
  fallback: {},
});
