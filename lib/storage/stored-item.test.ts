/**
 * defineStoredItem and serially: a read validates (what does not fit reads as the fallback, with
 * one warning per item), `byField` keeps the fields that fit, update() never loses a change.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { z } from 'zod/mini';
import { defineStoredItem, serially } from '@/lib/storage/stored-item';
import { deferred } from '@/tests/support/fake-host';
import { slowStorageReads } from '@/tests/support/slow-storage';

/** A list item of its own per test: the warning comes once per key and module. */
const listItem = (name: string) => defineStoredItem(`local:${name}`, { schema: z.array(z.string()), fallback: [] });

describe('a read', () => {
  it('answers what was written, and the fallback when nothing is stored', async () => {
    const item = listItem('written');
    expect(await item.getValue()).toEqual([]);
    await item.setValue(['a']);
    expect(await item.getValue()).toEqual(['a']);
    await item.removeValue();
    expect(await item.getValue()).toEqual([]);
  });

  it('reads a value that does not fit as the fallback, with one warning per item naming the key, not the value', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const [item, other] = [listItem('unfit'), listItem('unfitToo')];
    await fakeBrowser.storage.local.set({ unfit: 'secret-token', unfitToo: [1] });
    expect(await item.getValue()).toEqual([]);
    expect(await item.getValue()).toEqual([]);
    expect(await other.getValue()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]![0]).toContain('local:unfit');
    expect(String(warn.mock.calls)).not.toContain('secret-token');
  });

  it('by field: keeps each field that fits, the fallback\'s for one missing or not fitting', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const item = defineStoredItem('local:fields', {
      schema: z.object({ name: z.string(), count: z.number(), tags: z.array(z.string()) }),
      fallback: { name: 'none', count: 0, tags: [] },
      byField: true,
    });
    await fakeBrowser.storage.local.set({ fields: { name: 'kept', count: '3', tags: ['a', 1] } });
    expect(await item.getValue()).toEqual({ name: 'kept', count: 0, tags: [] });
    await fakeBrowser.storage.local.set({ fields: [1, 2] });
    expect(await item.getValue()).toEqual({ name: 'none', count: 0, tags: [] });
  });

  it('a watch hears validated values', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const item = listItem('watched');
    const seen = vi.fn();
    const stop = item.watch(seen);
    await item.setValue(['a']);
    await fakeBrowser.storage.local.set({ watched: 'not a list' });
    expect(seen.mock.calls).toEqual([[['a'], []], [[], ['a']]]);
    stop();
  });
});

describe('update', () => {
  it('changes made at once all stay, and each answers the value it stored', async () => {
    slowStorageReads('local');
    const item = listItem('updated');
    const answers = await Promise.all(['a', 'b', 'c'].map((id) => item.update((ids) => [...ids, id])));
    expect(answers).toEqual([['a'], ['a', 'b'], ['a', 'b', 'c']]);
    expect(await item.getValue()).toEqual(['a', 'b', 'c']);
  });

  it('writes nothing when the change answers the value it was given; a change that throws stops no other', async () => {
    const item = listItem('unchanged');
    await item.setValue(['a']);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await item.update((ids) => ids)).toEqual(['a']);
    expect(set).not.toHaveBeenCalled();
    const failed = item.update(() => Promise.reject(new Error('no')));
    const next = item.update((ids) => [...ids, 'b']);
    await expect(failed).rejects.toThrow('no');
    expect(await next).toEqual(['a', 'b']);
  });
});

describe('serially', () => {
  it('runs tasks under one name one after another, in the order they came, past a failure', async () => {
    const gate = deferred();
    const order: string[] = [];
    const first = serially('queue', async () => {
      await gate.promise;
      order.push('first');
      throw new Error('first failed');
    });
    const second = serially('queue', async () => order.push('second'));
    const elsewhere = serially('another', async () => order.push('another name'));
    await elsewhere;
    gate.resolve();
    await expect(first).rejects.toThrow('first failed');
    await second;
    expect(order).toEqual(['another name', 'first', 'second']);
  });
});
