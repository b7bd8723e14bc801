/**
 * Every stored item is defined through here: its key (area included), its zod schema, its
 * fallback, and its version and migrations where it has any (WXT runs those as the item is
 * defined, so in the background at start-up). What this adds to WXT's item:
 * - a read validates: a value that does not fit the schema reads as the fallback (or, for an
 *   item read `byField`, keeps the fields that fit), with one warning per item (naming the key,
 *   never the value: the sessions item holds tokens), never a throw that a caller would read as
 *   "offline";
 * - `update()` is the one read-modify-write: changes to an item run one after another, so two
 *   at once never lose one. Across our own contexts too where the Web Locks API exists (the
 *   background and the extension's pages share an origin, hence its locks).
 */
import { storage } from '#imports';
import type { z } from 'zod/mini';

export type StorageKey = `local:${string}` | `session:${string}`;

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
  // WXT types migrations loosely: each takes the value as the version before left it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  migrations?: Record<number, (previous: any) => any>;
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

const warned = new Set<string>();

function warnOnce(key: StorageKey): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[billing-overlay] stored ${key} did not fit its schema: what did not fit reads as its default`);
}

export function defineStoredItem<T>(key: StorageKey, options: StoredItemOptions<T>): StoredItem<T> {
  const { schema, fallback, byField, version, migrations } = options;
  const item = storage.defineItem<T>(key, { fallback, ...(version !== undefined && { version, migrations }) });
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
  const stored: StoredItem<T> = {
    key,
    validate,
    getValue: async () => validate(await item.getValue()),
    setValue: (value) => item.setValue(value),
    removeValue: () => item.removeValue(),
    update: (change) =>
      serially(key, async () => {
        const current = await stored.getValue();
        const next = await change(current);
        if (next !== current) await item.setValue(next);
        return next;
      }),
    watch: (onChange) => item.watch((value, previous) => onChange(validate(value), validate(previous))),
  };
  return stored;
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
