/**
 * Which cookie store an extension page speaks for: a full page, the store of the tab it was
 * opened from (lib/storage/page-stores.ts); any other page (the popup, the options), the store
 * the popup follows (lib/dashboard/active-store.ts). Always the background's own record or the
 * browser's word, never something a page says.
 */
import { activeStore } from '@/lib/dashboard/active-store';
import { NORMAL_STORE } from '@/lib/dashboard/place';
import { pageStoresItem } from '@/lib/storage/page-stores';

/**
 * Full pages remembered, the newest kept. Tab ids are not reused while the browser runs, so a
 * closed tab's record only waits to drop off (no listener wakes the background at every close).
 */
const MAX_PAGES = 50;

/** The last record under way: a page opened a moment ago may ask before it is written. */
let recording: Promise<unknown> = Promise.resolve();

/** The page in tab `tabId` was opened from `store`. */
export function rememberPageStore(tabId: number | undefined, store: string): Promise<void> {
  if (tabId === undefined || store === NORMAL_STORE) return Promise.resolve();
  const record = pageStoresItem.update((all) => Object.fromEntries([...Object.entries(all), [String(tabId), store]].slice(-MAX_PAGES)));
  recording = record.catch(() => undefined);
  return record.then(() => undefined);
}

export async function storeOfPage(tabId: number | undefined, origin: string): Promise<string> {
  if (tabId !== undefined) {
    await recording;
    const remembered = (await pageStoresItem.getValue())[tabId];
    if (remembered) return remembered;
  }
  return activeStore(origin);
}

/** A store gone (a private window's): its pages speak for it no more. */
export function forgetPageStores(store: string): Promise<unknown> {
  return pageStoresItem.update((all) => {
    const kept = Object.entries(all).filter(([, its]) => its !== store);
    return kept.length === Object.keys(all).length ? all : Object.fromEntries(kept);
  });
}
