/**
 * The budget alerts already shown (lib/background/badge/budget-alert.ts), one key per origin,
 * tenant and billing period, so each is shown once. No secrets: origin, tenant, period.
 */
import { z } from 'zod/mini';
import { defineStoredItem } from '@/lib/storage/stored-item';

/** Enough periods for every tenant a support person may follow; older keys drop off. */
export const MAX_ALERTS_REMEMBERED = 200;

export const budgetAlertsShownItem = defineStoredItem('local:budgetAlertsShown', {
  schema: z.array(z.string()).check(z.maxLength(MAX_ALERTS_REMEMBERED)),
  fallback: [],
});

/** Remembers the alert `key` as shown, the newest last. */
export function rememberAlertShown(key: string): Promise<string[]> {
  return budgetAlertsShownItem.update((shown) => [...shown, key].slice(-MAX_ALERTS_REMEMBERED));
}
