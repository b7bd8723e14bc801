/**
 * One notification per tenant per billing period when the cost crosses the alert threshold;
 * which were shown is remembered in storage (lib/storage/budget-alerts-shown.ts).
 */
import { browser } from 'wxt/browser';
import { formatMoney } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n';
import type { Money } from '@/lib/billing/model';
import type { Place } from '@/lib/dashboard/place';
import { alertsShownItemFor, rememberAlertShown } from '@/lib/storage/budget-alerts-shown';

export interface BudgetCheck {
  place: Place;
  tenantName: string;
  tenantId: string;
  period: string;
  cost: Money;
  budget: Money;
  alertPercent: number;
}

/**
 * Shows the alert for `check` if it is due and not shown yet. `current()`: whether the person,
 * tenant and store it is about are still the ones in front, asked after every wait: an alert
 * that stopped applying while it was being shown is taken back, and shown when it applies again.
 */
export async function alertIfOverThreshold(check: BudgetCheck, current: () => boolean): Promise<boolean> {
  const percent = Math.floor((check.cost.cents / check.budget.cents) * 100);
  if (check.budget.cents <= 0 || percent < check.alertPercent) return false;
  const key = `${check.place.origin}|${check.tenantId}|${check.period}`;
  if ((await alertsShownItemFor(check.place).getValue()).includes(key) || !current()) return false;
  const locale = uiLocale();
  const id = `budget:${key}`;
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('budgetAlertTitle', check.tenantName, percent),
    message: t('budgetAlertBody', formatMoney(check.cost, locale), formatMoney(check.budget, locale)),
  });
  if (!current()) {
    await browser.notifications.clear(id);
    return false;
  }
  // Remembered once shown: a notification that failed is tried again at the next refresh.
  await rememberAlertShown(check.place, key);
  return true;
}
