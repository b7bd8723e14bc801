/**
 * Opens the extension's full billing page in a new tab (`hash`: "#tenant=ID", "&month=YYYY-MM"),
 * speaking for the cookie store it is about: a private window's or container's person too.
 */
import { browser } from 'wxt/browser';
import { rememberPageStore } from '@/lib/background/page-stores';

export async function openFullPage(store: string, hash: string): Promise<void> {
  const tab = await browser.tabs.create({ url: browser.runtime.getURL(`/billing.html${hash}`) });
  await rememberPageStore(tab.id, store);
}
