/**
 * Opens a dashboard in a new tab: where a person signs in (extension pages only). `origin`: the
 * dashboard a page shows when it is tied to one of the person's dashboards (a full page, an
 * overview group); without it, or when it is not in the person's list (a page's address names
 * it), the chosen one.
 */
import { browser } from 'wxt/browser';
import { dashboardsOf, settingsItem } from '@/lib/storage/settings';

export async function openDashboard(origin?: string): Promise<void> {
  const settings = await settingsItem.getValue();
  const at = dashboardsOf(settings).find((d) => d.origin === origin)?.origin ?? settings.dashboardOrigin;
  await browser.tabs.create({ url: `${at}/` });
}
