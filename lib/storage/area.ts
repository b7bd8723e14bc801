/**
 * Stored keys name their area (`local:settings`, `session:sessions`), as WXT's storage does, and
 * keep its layout (an item's version under `<name>$` as `{ v }`), so values stored by earlier
 * versions read and migrate as before. Our own few lines over browser.storage in place of
 * @wxt-dev/storage: its batch, meta, snapshot and lock layers were ~9 KB minified in the
 * background, for the five calls below.
 */
import { browser } from 'wxt/browser';

export type StorageAreaName = 'local' | 'session';
export type StorageKey = `${StorageAreaName}:${string}`;

/** A key's area and its name within the area. */
export function locate(key: StorageKey): [StorageAreaName, string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon) as StorageAreaName, key.slice(colon + 1)];
}

/** Where an item's version is kept, beside its value. */
export const versionKeyOf = (key: StorageKey): StorageKey => `${key}$`;

/** `keys` by area: [area, its names in `keys`' order]. */
function byArea(keys: readonly StorageKey[]): [StorageAreaName, string[]][] {
  const names = new Map<StorageAreaName, string[]>();
  for (const [area, name] of keys.map(locate)) names.set(area, [...(names.get(area) ?? []), name]);
  return [...names];
}

/** The stored values of `keys` (undefined where nothing is stored), in their order: one read per area. */
export async function readKeys(keys: readonly StorageKey[]): Promise<unknown[]> {
  const read = new Map(
    await Promise.all(byArea(keys).map(async ([area, names]) => [area, await browser.storage[area].get(names)] as const)),
  );
  return keys.map(locate).map(([area, name]) => read.get(area)![name]);
}

export const readKey = async (key: StorageKey): Promise<unknown> => (await readKeys([key]))[0];

/** Writes several keys of one area at once (one change event for all of them). */
export function writeKeys(area: StorageAreaName, values: Record<string, unknown>): Promise<void> {
  return browser.storage[area].set(values);
}

export const writeKey = (key: StorageKey, value: unknown): Promise<void> => {
  const [area, name] = locate(key);
  return writeKeys(area, { [name]: value });
};

export async function removeKeys(keys: readonly StorageKey[]): Promise<void> {
  await Promise.all(byArea(keys).map(([area, names]) => browser.storage[area].remove(names)));
}

/** Every key stored in `area`, area included. */
export async function keysIn(area: StorageAreaName): Promise<StorageKey[]> {
  return Object.keys(await browser.storage[area].get(null)).map((name): StorageKey => `${area}:${name}`);
}

/** Calls `onChange(newValue, oldValue)` when `name` changes in `area`; returns the way to stop. */
export function watchKey(area: StorageAreaName, name: string, onChange: (value: unknown, previous: unknown) => void): () => void {
  const { onChanged } = browser.storage[area];
  const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
    const change = changes[name];
    // As WXT's storage: a write of the same value is no change (Firefox tells of those too).
    if (!change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
    onChange(change.newValue, change.oldValue);
  };
  onChanged.addListener(listener);
  return () => {
    // Stopping is also what a content script does when its extension is reloaded, and then every
    // extension API throws "Extension context invalidated": the listener is gone with it anyway,
    // and the host page must not see an error.
    try {
      onChanged.removeListener(listener);
    } catch {
      /* context already gone */
    }
  };
}
