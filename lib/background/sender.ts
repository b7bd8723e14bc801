/**
 * Who is asking. The background answers only this extension's own pages and its content
 * scripts running on the configured dashboard origin; anything else gets no answer at all.
 */
import { browser, type Browser } from 'wxt/browser';
import { dashboardOriginOf, type Settings } from '@/lib/storage/settings';

export type Caller =
  /** Popup, options, full page: they speak for the configured dashboard. */
  | { kind: 'extensionPage'; origin: string }
  /** Our content script on a dashboard tab: it speaks for that tab's origin only. */
  | { kind: 'dashboard'; origin: string; tabId: number };

export function identifyCaller(sender: Browser.runtime.MessageSender, settings: Settings): Caller | null {
  if (sender.id !== browser.runtime.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(browser.runtime.getURL('/'))) return { kind: 'extensionPage', origin: settings.dashboardOrigin };
  // A content script's frame: only the top frame of a tab on the configured dashboard.
  const tabId = sender.tab?.id;
  if (tabId === undefined || (sender.frameId ?? 0) !== 0) return null;
  const origin = dashboardOriginOf(url, settings);
  return origin ? { kind: 'dashboard', origin, tabId } : null;
}
