/**
 * On install the first-run page opens in a new tab, so a person sets the dashboard's address
 * there rather than having to find the options page. Not on an update (nor the browser's own):
 * the address is set by then, and a tab opening by itself after every update would be a nuisance.
 */
import { browser, type Browser } from 'wxt/browser';

/** The first-run page (entrypoints/welcome). */
export const FIRST_RUN_PATH = '/welcome.html';

/** For runtime.onInstalled, added at the background's start. */
export async function openFirstRunOnInstall(details: Browser.runtime.InstalledDetails): Promise<void> {
  if (details.reason !== 'install') return;
  // No tab (a browser without tabs, a policy): the options page is still there.
  await browser.tabs.create({ url: browser.runtime.getURL(FIRST_RUN_PATH) }).catch(() => undefined);
}
