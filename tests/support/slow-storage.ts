/**
 * Storage reads as across the real browser's process boundary: each takes a while and hands out
 * a copy (the fake browser hands out its own objects at once). Two read-modify-writes started
 * together then both read before either writes, unless they take turns: what a test of a
 * serialised update needs to fail without it.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

export function slowStorageReads(area: 'local' | 'session'): void {
  const storageArea = fakeBrowser.storage[area];
  const read = storageArea.get.bind(storageArea);
  vi.spyOn(storageArea, 'get').mockImplementation(async (keys?: any) => {
    const value = structuredClone(await read(keys));
    await new Promise((resolve) => setTimeout(resolve, 5));
    return value;
  });
}
