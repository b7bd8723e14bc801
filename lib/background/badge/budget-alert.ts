/**
 * One notification per tenant per billing period when the cost crosses the alert threshold;
 * which were shown is remembered in storage (lib/storage/budget-alerts-shown.ts).
 */
import { browser } from 'wxt/browser';
import { formatMoney } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n';
import type { Money } from '@/lib/billing/model';
import { budgetAlertsShownItem, rememberAlertShown } from '@/lib/storage/budget-alerts-shown';

export interface BudgetCheck {
  origin: string;
  tenantName: string;
  tenantId: string;
  period: string;
  cost: Money;
  budget: Money;
  alertPercent: number;
}

export async function alertIfOverThreshold(check: BudgetCheck): Promise<boolean> {
  const percent = Math.floor((check.cost.cents / check.budget.cents) * 100);
  if (check.budget.cents <= 0 || percent < check.alertPercent) return false;
  const key = `${check.origin}|${check.tenantId}|${check.period}`;
  if ((await budgetAlertsShownItem.getValue()).includes(key)) return false;
  const locale = uiLocale();
  await browser.notifications.create(`budget:${key}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('budgetAlertTitle', check.tenantName, percent),
    message: t('budgetAlertBody', formatMoney(check.cost, locale), formatMoney(check.budget, locale)),
  });
  // Remembered once shown: a notification that failed is tried again at the next refresh.
  await rememberAlertShown(key);
  return true;
}
