/**
 * Who is asking, and for which place (a dashboard origin and a cookie store). The background
 * answers only this extension's own pages and its content scripts running on the configured
 * dashboard origin; anything else gets no answer at all. A dashboard tab's store is the one the
 * browser gives the sender tab (its container, or private window): never anything the page says.
 */
import { browser, type Browser } from 'wxt/browser';
import { storeOfTab, type Place } from '@/lib/dashboard/place';
import { dashboardOriginOf, dashboardsOf, type Settings } from '@/lib/storage/settings';
import { storeOfPage } from '@/lib/background/page-stores';

export type Caller =
  /**
   * Popup, options, full page: they speak for the chosen dashboard, or for another of the
   * person's dashboards they name (the popup's switcher, the overview's groups), in the store
   * they follow.
   */
  | { kind: 'extensionPage'; place: Place }
  /** Our content script on a dashboard tab: it speaks for that tab's origin and store only. */
  | { kind: 'dashboard'; place: Place; tabId: number };

/**
 * `dashboard`: the origin a message names beside its request (lib/protocol/ask.ts), undefined when
 * it names none. Believed from our own pages only, and only when it is one of the person's
 * dashboards; a content script speaks for its tab's origin and may name none.
 */
export async function identifyCaller(sender: Browser.runtime.MessageSender, settings: Settings, dashboard?: unknown): Promise<Caller | null> {
  if (sender.id !== browser.runtime.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(browser.runtime.getURL('/'))) {
    const origin = dashboard === undefined ? settings.dashboardOrigin : dashboardsOf(settings).find((d) => d.origin === dashboard)?.origin;
    if (origin === undefined) return null;
    return { kind: 'extensionPage', place: { origin, store: await storeOfPage(sender.tab?.id, origin) } };
  }
  // A content script's frame: only the top frame of a tab on a dashboard, naming no other.
  const tab = sender.tab;
  if (dashboard !== undefined || tab?.id === undefined || (sender.frameId ?? 0) !== 0) return null;
  const origin = dashboardOriginOf(url, settings);
  return origin ? { kind: 'dashboard', place: { origin, store: storeOfTab(tab) }, tabId: tab.id } : null;
}
