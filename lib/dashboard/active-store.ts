/**
 * Which cookie store the popup and the badge follow: the active tab's, when that tab shows the
 * dashboard (its person is the one in front of the person using the browser); the normal
 * store otherwise. No permission beyond the dashboard's own: a tab's URL is visible to an
 * extension that may reach its origin, and `incognito` / `cookieStoreId` always are.
 */
import { browser, type Browser } from 'wxt/browser';
import { NORMAL_STORE, storeOfTab } from '@/lib/dashboard/place';

/** The active tab of the window last focused (the popup's own, when the popup asks), if any. */
export async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
  try {
    return (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  } catch {
    return undefined;
  }
}

/** The store followed for the dashboard at `origin`, given the active tab. */
export function storeFollowed(tab: Browser.tabs.Tab | undefined, origin: string): string {
  try {
    return tab?.url && new URL(tab.url).origin === origin ? storeOfTab(tab) : NORMAL_STORE;
  } catch {
    return NORMAL_STORE;
  }
}

export const activeStore = async (origin: string): Promise<string> => storeFollowed(await activeTab(), origin);
