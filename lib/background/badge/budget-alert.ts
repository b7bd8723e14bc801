/**
 * One notification per tenant per billing period when the cost crosses the alert threshold.
 * Which alerts were shown is remembered in storage.local (no secrets: origin, tenant, period).
 */
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { formatMoney } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n';
import type { Money } from '@/lib/billing/model';

const alertsShownItem = storage.defineItem<string[]>('local:budgetAlertsShown', { fallback: [] });
/** Enough periods for every tenant a support person may follow; older keys drop off. */
const MAX_REMEMBERED = 200;

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
  const shown = await alertsShownItem.getValue();
  if (shown.includes(key)) return false;
  const locale = uiLocale();
  await browser.notifications.create(`budget:${key}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('budgetAlertTitle', check.tenantName, percent),
    message: t('budgetAlertBody', formatMoney(check.cost, locale), formatMoney(check.budget, locale)),
  });
  // Remembered once shown: a notification that failed is tried again at the next refresh.
  await alertsShownItem.setValue([...shown, key].slice(-MAX_REMEMBERED));
  return true;
}
