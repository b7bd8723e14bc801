/**
 * What the toolbar says on hover (browser.action.setTitle) and the popup's highlights: the
 * month's cost, the quota most used ("LLM: 1.050% do incluído") and how much of the budget is
 * gone. A badge is four characters; its title can say the rest, in the person's language.
 * Without figures it is the extension's name alone: the popup says why (the worker stays small).
 */
import type { Money, Quotas, Usage } from '@/lib/billing/model';
import { formatMoney, formatPercent } from '@/lib/i18n/format';
import { t, type MessageKey } from '@/lib/i18n';
import { formatPeriod } from '@/lib/i18n/period-text';
import { mostUsedQuota, type QuotaKey } from '@/lib/billing/quota';

const SHORT: Record<QuotaKey, MessageKey> = {
  api: 'quotaShortApi',
  llm: 'quotaShortLlm',
  storage: 'quotaShortStorage',
  compute: 'quotaShortCompute',
};

/** "LLM: 1.050% do incluído", or null where the host names no quota. */
export function quotaHighlight(quotas: Quotas, locale: string): string | null {
  const most = mostUsedQuota(quotas);
  return most ? t('quotaMostUsed', t(SHORT[most.key]), formatPercent(most.percent, locale)) : null;
}

/** The cost as a percentage of the budget; null without a usable budget (none, zero, another currency). */
export function budgetPercent(cost: Money, budget: Money | null): number | null {
  if (!budget || budget.cents <= 0 || budget.currency !== cost.currency) return null;
  return (Math.max(0, cost.cents) / budget.cents) * 100;
}

export function badgeTitle(
  view: { tenantName: string; usage: Usage; simulated: boolean },
  budget: Money | null,
  locale: string,
): string {
  const { usage } = view;
  const percent = budgetPercent(usage.total, budget);
  return [
    `${t('entryLabel')} — ${view.tenantName}`,
    t('badgeTitleCost', formatPeriod(usage, locale) || t('entryCurrentCost'), formatMoney(usage.total, locale)),
    view.simulated ? t('simulatedShort') : null,
    quotaHighlight(usage.quotas, locale),
    percent === null ? null : t('badgeTitleBudget', formatPercent(percent, locale)),
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}
