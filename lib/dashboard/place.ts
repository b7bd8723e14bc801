/**
 * Where a dashboard session lives: the dashboard's origin and the browser's cookie store of the
 * tab that reported it. Firefox containers and private windows, and Chromium's incognito
 * windows, give each store its own localStorage, so each may have its own signed-in person:
 * everything known of a person (session, cached figures, what the family walk learnt) is kept
 * per place. The store is always the browser's word about the sender tab, never the page's.
 */
export interface Place {
  origin: string;
  store: string;
}

/** Normal windows' store (Firefox names it "firefox-default"; Chromium's tabs name none). */
export const NORMAL_STORE = 'default';
/**
 * The private windows' store (Firefox's "firefox-private", Chromium's incognito): it lives as
 * long as its windows, and nothing of it goes to storage.local.
 */
export const PRIVATE_STORE = 'private';

/** What the browser says of a tab (tabs.Tab); `cookieStoreId` is Firefox's only. */
export interface TabStoreFacts {
  incognito: boolean;
  cookieStoreId?: string;
}

export function storeOfTab(tab: TabStoreFacts): string {
  if (tab.incognito) return PRIVATE_STORE;
  return tab.cookieStoreId && tab.cookieStoreId !== 'firefox-default' ? tab.cookieStoreId : NORMAL_STORE;
}

export const isPrivate = (place: Place): boolean => place.store === PRIVATE_STORE;

/** A part of a key with its separator escaped (and the escape itself): no part runs into the next. */
const escapePart = (part: string): string => part.replace(/%/g, '%25').replace(/\|/g, '%7C');

/**
 * One key for a list of parts ("http://localhost:9001|default|BELGO-001"): no two lists share one,
 * whatever their parts hold (a tenant id "BELGO-001|2026-10" stays apart from BELGO-001's October).
 */
export const partsKey = (...parts: string[]): string => parts.map(escapePart).join('|');

/** The start shared by the keys of every longer list beginning with `parts`. */
export const partsPrefix = (...parts: string[]): string => `${partsKey(...parts)}|`;

export const placeKey = ({ origin, store }: Place): string => partsKey(origin, store);

/** The place a key starting with `placeKey` names, or null for one that does not. */
export function placeOfKey(key: string): Place | null {
  const [origin, store] = key.split('|').map(decodeURIComponent);
  return origin && store ? { origin, store } : null;
}
