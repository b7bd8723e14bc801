/** Opens the configured dashboard in a new tab: where a person signs in (extension pages only). */
import { browser } from 'wxt/browser';
import { settingsItem } from '@/lib/storage/settings';

export async function openDashboard(): Promise<void> {
  const { dashboardOrigin } = await settingsItem.getValue();
  await browser.tabs.create({ url: `${dashboardOrigin}/` });
}
