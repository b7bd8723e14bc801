/**
 * Opens a dashboard in a new tab: where a person signs in (extension pages only). `origin`: the
 * dashboard a page shows when it is tied to one of the person's dashboards (a full page, an
 * overview group); without it, the chosen one.
 */
import { browser } from 'wxt/browser';
import { settingsItem } from '@/lib/storage/settings';

export async function openDashboard(origin?: string): Promise<void> {
  const at = origin ?? (await settingsItem.getValue()).dashboardOrigin;
  await browser.tabs.create({ url: `${at}/` });
}
