/**
 * The budget alerts already shown (lib/background/badge/budget-alert.ts), one key per origin,
 * tenant and billing period, so each is shown once. No secrets: origin, tenant, period.
 */
import { z } from 'zod/mini';
import { isPrivate, type Place } from '@/lib/dashboard/place';
import { defineStoredItem, type StoredItem } from '@/lib/storage/stored-item';

/** Enough periods for every tenant a support person may follow; older keys drop off. */
export const MAX_ALERTS_REMEMBERED = 200;

const shownSchema = z.array(z.string()).check(z.maxLength(MAX_ALERTS_REMEMBERED));

export const budgetAlertsShownItem = defineStoredItem('local:budgetAlertsShown', { schema: shownSchema, fallback: [] });

/**
 * A private window's alerts: in storage.session, forgotten when its last window closes
 * (lib/background/session/private-store.ts), so storage.local never tells which tenants' bills
 * were followed there.
 */
export const privateBudgetAlertsShownItem = defineStoredItem('session:privateBudgetAlertsShown', { schema: shownSchema, fallback: [] });

/** Where the alerts shown for a place's person are remembered. */
export const alertsShownItemFor = (place: Place): StoredItem<string[]> =>
  isPrivate(place) ? privateBudgetAlertsShownItem : budgetAlertsShownItem;

/** Remembers the alert `key` as shown at `place`, the newest last. */
export function rememberAlertShown(place: Place, key: string): Promise<string[]> {
  return alertsShownItemFor(place).update((shown) => [...shown, key].slice(-MAX_ALERTS_REMEMBERED));
}
