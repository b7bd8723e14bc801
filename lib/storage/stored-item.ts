/**
 * Every stored item is defined through here: its key (area included), its zod schema, its
 * fallback, and its version and migrations where it has any. What this adds to WXT's item:
 * - a read validates: a value that does not fit the schema reads as the fallback, with one
 *   warning per item (naming the key, never the value: the sessions item holds tokens), never
 *   a throw that a caller would read as "offline";
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
  version?: number;
  /** Version → how a value of the version before becomes one of this version. */
  // WXT types migrations loosely: each takes the value as the version before left it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  migrations?: Record<number, (previous: any) => any>;
}

export interface StoredItem<T> {
  readonly key: StorageKey;
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Reads, changes and writes the value, after every change to it already under way; answers what was written. */
  update(change: (current: T) => T | Promise<T>): Promise<T>;
  /** Calls `onChange` with the new and the previous value, both validated; returns the way to stop. */
  watch(onChange: (value: T, previous: T) => void): () => void;
  /** Runs the migrations (WXT does so when the extension updates; the background at start-up too). */
  migrate(): Promise<void>;
  /** The stored value, validated; for a caller that read the raw storage itself. */
  validate(raw: unknown): T;
}

const warned = new Set<string>();

export function defineStoredItem<T>(key: StorageKey, options: StoredItemOptions<T>): StoredItem<T> {
  const { schema, fallback, version, migrations } = options;
  const item = storage.defineItem<T>(key, { fallback, ...(version !== undefined && { version, migrations }) });
  const validate = (raw: unknown): T => {
    if (raw === null || raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    if (!warned.has(key)) {
      warned.add(key);
      console.warn(`[billing-overlay] stored ${key} did not fit its schema: read as its default`);
    }
    return fallback;
  };
  const stored: StoredItem<T> = {
    key,
    fallback,
    validate,
    getValue: async () => validate(await item.getValue()),
    setValue: (value) => item.setValue(value),
    removeValue: () => item.removeValue(),
    update: (change) =>
      serially(key, async () => {
        const next = await change(await stored.getValue());
        await item.setValue(next);
        return next;
      }),
    watch: (onChange) => item.watch((value, previous) => onChange(validate(value), validate(previous))),
    migrate: () => item.migrate(),
  };
  return stored;
}

/** What runs, or last ran, under each name in this context (where there are no Web Locks). */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after every other task under the same `name` has ended: the one queue for
 * read-modify-writes of an item, the overlay's registration and the badge's alarm. Not
 * re-entrant: a task must not wait for another under its own name.
 */
export function serially<R>(name: string, task: () => Promise<R>): Promise<R> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(`billing-overlay:${name}`, task) as Promise<R>;
  const run = (queues.get(name) ?? Promise.resolve()).then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(name, settled);
  void settled.then(() => {
    if (queues.get(name) === settled) queues.delete(name);
  });
  return run;
}
