/**
 * What a click on an alert does: the notification (or its "Ver detalhes") opens the full page at
 * that tenant and month; "Silenciar este mês" silences the tenant until its period ends. The
 * notification's id says which (lib/background/badge/alerts.ts), so a click still works after
 * the worker slept. Firefox has no buttons: a click on the notification is all it offers.
 */
import { browser } from 'wxt/browser';
import { openFullPage } from '@/lib/background/full-page';
import { silence } from '@/lib/storage/budget-alerts-shown';
import { periodKey } from '@/lib/billing/alerts';
import { dashboardsOf, settingsItem } from '@/lib/storage/settings';

async function onAlert(id: string, button?: number): Promise<void> {
  const [kind, origin, store, tenantId, period] = id.split('|').map(decodeURIComponent);
  if (kind !== 'alert' || !origin || !store || !tenantId || !period) return;
  await browser.notifications.clear(id);
  // A notification outlives its dashboard's removal: nothing is opened or written for it then.
  if (!dashboardsOf(await settingsItem.getValue()).some((d) => d.origin === origin)) return;
  if (button === 1) await silence({ origin, store }, periodKey({ origin, tenantId, period }), true);
  else await openFullPage({ origin, store }, { tenantId, month: period });
}

/** Listens for clicks on alerts; added at the worker's start, so a click wakes it. */
export function answerAlertClicks(): void {
  const answer = (id: string, button?: number) => void onAlert(id, button).catch(() => undefined);
  browser.notifications.onClicked.addListener((id) => answer(id));
  browser.notifications.onButtonClicked?.addListener(answer);
}
