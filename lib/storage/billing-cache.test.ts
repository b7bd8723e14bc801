/**
 * The billing cache's stored items: an entry of the key family reads back as written; one that
 * does not fit reads as no entry (one warning for the family); an origin's keys are its own.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { billingEntries, billingRecentItem, type CacheEntry } from '@/lib/storage/billing-cache';

const ORIGIN = 'http://localhost:9001';

const entry = (fetchedAt: number): CacheEntry => ({
  snapshot: { family: 'adminV1', fetchedAt, usage: {} } as CacheEntry['snapshot'],
  refreshError: null,
  failures: 0,
  retryAt: null,
});

describe('billingEntries', () => {
  it('reads an entry back as written, under session:billing:<origin>|<id>', async () => {
    await billingEntries.set(billingEntries.keyOf(ORIGIN, 'BELGO-001|2026-10'), entry(1));
    expect(Object.keys(await fakeBrowser.storage.session.get())).toEqual([`billing:${ORIGIN}|BELGO-001|2026-10`]);
    expect(await billingEntries.get(billingEntries.keyOf(ORIGIN, 'BELGO-001|2026-10'))).toEqual(entry(1));
    expect(await billingEntries.get(billingEntries.keyOf(ORIGIN, 'TECH-001'))).toBeNull();
  });

  it('reads an entry that does not fit as none, with one warning for the whole family', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.session.set({
      [`billing:${ORIGIN}|A-1`]: { ...entry(1), failures: '0' },
      [`billing:${ORIGIN}|A-2`]: { ...entry(1), snapshot: 'figures' },
      [`billing:${ORIGIN}|A-3`]: { ...entry(1), refreshError: { status: 500 } },
    });
    for (const id of ['A-1', 'A-2', 'A-3']) expect(await billingEntries.get(billingEntries.keyOf(ORIGIN, id))).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
  });

  it("lists an origin's keys only, not those of an origin it is a prefix of", async () => {
    await billingEntries.set(billingEntries.keyOf(ORIGIN, 'A-1'), entry(1));
    await billingEntries.set(billingEntries.keyOf(`${ORIGIN}0`, 'A-1'), entry(1));
    expect(await billingEntries.keysOf(ORIGIN)).toEqual([`session:billing:${ORIGIN}|A-1`]);
  });
});

describe('the use order', () => {
  it('reads a value that does not fit as empty', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.session.set({ billingRecent: { [ORIGIN]: 'A-1' } });
    expect(await billingRecentItem.getValue()).toEqual({});
  });
});
