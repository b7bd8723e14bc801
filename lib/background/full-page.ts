/**
 * Opens the extension's full billing page in a new tab, for the place it is about: the page's
 * address names the dashboard (so one opened from a second dashboard's tab or alert shows that
 * dashboard's figures, not the chosen one's), and the background remembers the cookie store (a
 * private window's or container's person too).
 */
import { browser } from 'wxt/browser';
import { rememberPageStore } from '@/lib/background/page-stores';
import { tenantHash, type TenantRoute } from '@/lib/protocol/billing-route';
import type { Place } from '@/lib/dashboard/place';

export async function openFullPage(place: Place, route: Pick<TenantRoute, 'tenantId' | 'month'>): Promise<void> {
  const hash = tenantHash({ ...route, dashboard: place.origin });
  const tab = await browser.tabs.create({ url: browser.runtime.getURL(`/billing.html${hash}`) });
  await rememberPageStore(tab.id, place.store);
}
