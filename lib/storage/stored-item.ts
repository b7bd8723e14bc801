/**
 * Every stored item is defined through here: its key (area included), its zod schema, its
 * fallback, and its version and migrations where it has any. As WXT's `storage.defineItem`
 * (whose stored layout lib/storage/area.ts keeps): migrations start as the item is defined, so
 * in the background at start-up, and every read or write waits for them. What this adds:
 * - a read validates: a value that does not fit the schema reads as the fallback (or, for an
 *   item read `byField`, keeps the fields that fit), with one warning per item (naming the key,
 *   never the value: the sessions item holds tokens), never a throw that a caller would read as
 *   "offline";
 * - `update()` is the one read-modify-write: changes to an item run one after another, so two
 *   at once never lose one. Across our own contexts too where the Web Locks API exists (the
 *   background and the extension's pages share an origin, hence its locks).
 */
import type { z } from 'zod/mini';
import { locate, readKey, readKeys, removeKeys, versionKeyOf, watchKey, writeKeys, type StorageKey } from '@/lib/storage/area';

export interface StoredItemOptions<T> {
  schema: z.ZodMiniType<T>;
  fallback: T;
  /**
   * For an object item whose fields stand alone (the settings): a stored value that does not fit
   * keeps each field that does, and takes the fallback's for one missing or not fitting.
   */
  byField?: boolean;
  version?: number;
  /** Version → how a value of the version before becomes one of this version. */
  migrations?: Migrations;
}

export interface StoredItem<T> {
  readonly key: StorageKey;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /**
   * Reads, changes and writes the value, after every change to it already under way; answers
   * the value now stored. A change that answers the very value it was given writes nothing.
   */
  update(change: (current: T) => T | Promise<T>): Promise<T>;
  /** Calls `onChange` with the new and the previous value, both validated; returns the way to stop. */
  watch(onChange: (value: T, previous: T) => void): () => void;
  /** The stored value, validated; for a caller that read the raw storage itself. */
  validate(raw: unknown): T;
}

// Typed loosely, as WXT does: each takes the value as the version before left it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Migrations = Record<number, (previous: any) => any>;

const warned = new Set<string>();

function warnOnce(key: StorageKey): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[billing-overlay] stored ${key} did not fit its schema: what did not fit reads as its default`);
}

export function defineStoredItem<T>(key: StorageKey, options: StoredItemOptions<T>): StoredItem<T> {
  const { schema, fallback, byField, version = 1, migrations } = options;
  const migrated = migrations ? migrate(key, version, migrations) : Promise.resolve();
  /** The fields that fit over the fallback's: an issue's path starts with the field it is about. */
  const keepFittingFields = (raw: unknown, issues: readonly { path: readonly PropertyKey[] }[]): T => {
    const bad = new Set(issues.map((issue) => issue.path[0]));
    const fitting = Object.entries(Object(raw)).filter(([field]) => !bad.has(field));
    const repaired = schema.safeParse({ ...fallback, ...Object.fromEntries(fitting) });
    return repaired.success ? repaired.data : fallback;
  };
  const validate = (raw: unknown): T => {
    if (raw === null || raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    warnOnce(key);
    return byField ? keepFittingFields(raw, parsed.error.issues) : fallback;
  };
  const write = async (value: T) => {
    await migrated;
    await writeVersioned(key, value, migrations && version);
  };
  const stored: StoredItem<T> = {
    key,
    validate,
    getValue: async () => {
      await migrated;
      return validate(await readKey(key));
    },
    setValue: write,
    removeValue: async () => {
      await migrated;
      await removeKeys([key, versionKeyOf(key)]);
    },
    update: (change) =>
      serially(key, async () => {
        const current = await stored.getValue();
        const next = await change(current);
        if (next !== current) await write(next);
        return next;
      }),
    watch: (onChange) => watchKey(...locate(key), (value, previous) => onChange(validate(value), validate(previous))),
  };
  return stored;
}

/**
 * Brings a stored value of an earlier version to `version`, one migration at a time. Nothing
 * stored: nothing to do. A failure is logged (the value then reads through the schema as is).
 */
async function migrate(key: StorageKey, version: number, migrations: Migrations): Promise<void> {
  try {
    const [value, meta] = await readKeys([key, versionKeyOf(key)]);
    if (value === null || value === undefined) return;
    const from = (meta as { v?: number } | undefined)?.v ?? 1;
    if (from >= version) return;
    let migrated = value;
    for (let next = from + 1; next <= version; next++) migrated = (await migrations[next]?.(migrated)) ?? migrated;
    await writeVersioned(key, migrated, version);
  } catch (error) {
    console.error(`[billing-overlay] migrating ${key} failed`, error);
  }
}

/** Writes a value, with its version beside it when it has one, in one change. */
function writeVersioned(key: StorageKey, value: unknown, version: number | undefined): Promise<void> {
  const [area, name] = locate(key);
  return writeKeys(area, { [name]: value, ...(version && { [locate(versionKeyOf(key))[1]]: { v: version } }) });
}

/**
 * Runs `task` after every other task under the same `name` has ended, in any of our contexts:
 * the one queue for read-modify-writes of an item, the overlay's registration and the badge's
 * alarm. Web Locks: every browser we support has them in workers and pages (unit tests install
 * an equivalent, tests/support/setup.ts). Not re-entrant: a task must not wait for another
 * under its own name.
 */
export function serially<R>(name: string, task: () => Promise<R>): Promise<R> {
  return navigator.locks.request(`billing-overlay:${name}`, task) as Promise<R>;
}
