/**
 * A private window's people live as long as its windows: when the last private window closes,
 * its sessions, cached figures, tenant choices and alerts shown go. All of it was kept in
 * storage.session (nothing of a private window is written to storage.local), so the browser
 * forgets it at exit anyway; this is for a browser that stays open.
 */
import { browser } from 'wxt/browser';
import { isPrivate, PRIVATE_STORE } from '@/lib/dashboard/place';
import { privateBudgetAlertsShownItem } from '@/lib/storage/budget-alerts-shown';
import { privateTenantChoicesItem } from '@/lib/storage/tenant-choices';
import { forgetPageStores } from '@/lib/background/page-stores';
import { forgetPlace, knownPlaces } from '@/lib/background/session/session';

/** Forgets the private store, unless a private window is still open. */
export async function forgetPrivateIfClosed(): Promise<void> {
  if ((await browser.windows.getAll()).some((window) => window.incognito)) return;
  await Promise.all([
    ...(await knownPlaces()).filter(isPrivate).map(forgetPlace),
    privateTenantChoicesItem.removeValue(),
    privateBudgetAlertsShownItem.removeValue(),
    forgetPageStores(PRIVATE_STORE),
  ]);
}

/** Whenever a window closes, and at every start (one may have closed while the background slept). */
export function forgetPrivateWindowsWhenClosed(): void {
  const sweep = () => void forgetPrivateIfClosed().catch(() => undefined);
  sweep();
  browser.windows.onRemoved.addListener(sweep);
}
