/**
 * The raw layer under every stored item: keys name their area, reads keep the keys' order across
 * areas, a watch hears real changes only.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { keysIn, readKeys, removeKeys, watchKey, writeKey } from '@/lib/storage/area';

describe('storage areas', () => {
  it('reads keys of both areas in the order asked, undefined where nothing is stored', async () => {
    await fakeBrowser.storage.local.set({ a: 1, shared: 'local' });
    await fakeBrowser.storage.session.set({ shared: 'session' });
    expect(await readKeys(['session:shared', 'local:missing', 'local:shared', 'local:a'])).toEqual(['session', undefined, 'local', 1]);
  });

  it('writes, lists and removes in the area the key names', async () => {
    await writeKey('session:billing:x|A-1', { n: 1 });
    await writeKey('local:kept', true);
    expect(await keysIn('session')).toEqual(['session:billing:x|A-1']);
    await removeKeys(['session:billing:x|A-1', 'local:kept']);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a watch hears a change of its key in its area only, not a write of the same value', async () => {
    const heard = vi.fn();
    const stop = watchKey('local', 'watched', heard);
    await fakeBrowser.storage.local.set({ watched: { v: 1 } });
    await fakeBrowser.storage.local.set({ watched: { v: 1 } });
    await fakeBrowser.storage.session.set({ watched: 'elsewhere' });
    await fakeBrowser.storage.local.set({ other: 1 });
    stop();
    await fakeBrowser.storage.local.set({ watched: { v: 2 } });
    expect(heard.mock.calls.map(([value]) => value)).toEqual([{ v: 1 }]);
  });
});
