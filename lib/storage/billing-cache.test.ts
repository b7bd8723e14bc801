/**
 * The billing cache's stored items: an entry of the key family reads back as written; one that
 * does not fit reads as no entry (one warning for the family); a place's keys are its own and
 * no two entries share one.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NORMAL_STORE } from '@/lib/dashboard/place';
import { billingEntries, billingRecentItem, type CacheEntry } from '@/lib/storage/billing-cache';

const ORIGIN = 'http://localhost:9001';

const entry = (fetchedAt: number): CacheEntry => ({
  snapshot: { family: 'adminV1', fetchedAt, usage: {} } as CacheEntry['snapshot'],
  refreshError: null,
  failures: 0,
  retryAt: null,
});

const HERE = { origin: ORIGIN, store: NORMAL_STORE };

describe('billingEntries', () => {
  it('reads an entry back as written, under session:billing:<origin>|<store>|<tenant>[|<month>]', async () => {
    await billingEntries.set(billingEntries.keyOf(HERE, 'BELGO-001', '2026-10'), entry(1));
    expect(Object.keys(await fakeBrowser.storage.session.get())).toEqual([`billing:${ORIGIN}|default|BELGO-001|2026-10`]);
    expect(await billingEntries.get(billingEntries.keyOf(HERE, 'BELGO-001', '2026-10'))).toEqual(entry(1));
    expect(await billingEntries.get(billingEntries.keyOf(HERE, 'TECH-001'))).toBeNull();
  });

  it('gives no two entries one key, whatever a tenant id or store holds', () => {
    const keys = [
      billingEntries.keyOf(HERE, 'BELGO-001', '2026-10'),
      billingEntries.keyOf(HERE, 'BELGO-001|2026-10'),
      billingEntries.keyOf(HERE, 'BELGO-001%7C2026-10'),
      billingEntries.keyOf({ origin: ORIGIN, store: 'default|BELGO-001' }, '2026-10'),
      billingEntries.keyOf({ origin: ORIGIN, store: 'firefox-container-1' }, 'BELGO-001', '2026-10'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(billingEntries.placeOf(keys[3]!)).toEqual({ origin: ORIGIN, store: 'default|BELGO-001' });
  });

  it('reads an entry that does not fit as none, with one warning for the whole family', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.session.set({
      [`billing:${ORIGIN}|default|A-1`]: { ...entry(1), failures: '0' },
      [`billing:${ORIGIN}|default|A-2`]: { ...entry(1), snapshot: 'figures' },
      [`billing:${ORIGIN}|default|A-3`]: { ...entry(1), refreshError: { status: 500 } },
    });
    for (const id of ['A-1', 'A-2', 'A-3']) expect(await billingEntries.get(billingEntries.keyOf(HERE, id))).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
  });

  it("lists a place's keys only: not another store's, nor those of an origin it is a prefix of", async () => {
    await billingEntries.set(billingEntries.keyOf(HERE, 'A-1'), entry(1));
    await billingEntries.set(billingEntries.keyOf({ origin: `${ORIGIN}0`, store: NORMAL_STORE }, 'A-1'), entry(1));
    await billingEntries.set(billingEntries.keyOf({ origin: ORIGIN, store: 'firefox-container-1' }, 'A-1'), entry(1));
    expect(await billingEntries.keysOf(HERE)).toEqual([`session:billing:${ORIGIN}|default|A-1`]);
  });
});

describe('the use order', () => {
  it('reads a value that does not fit as empty', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.session.set({ billingRecent: { [ORIGIN]: 'A-1' } });
    expect(await billingRecentItem.getValue()).toEqual([]);
  });
});
