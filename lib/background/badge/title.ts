/**
 * What the toolbar says on hover (browser.action.setTitle): the month's cost, then why the
 * badge has its colour, worst first ("Orçamento: 85% (nível 80%)", "Tokens de LLM: 1.050% do
 * plano"), else the quota most used ("LLM: 1.050% do incluído") and how much of the budget is
 * gone. A badge is four characters; its title can say the rest, in the person's language.
 * Without figures it is the extension's name alone: the popup says why (the worker stays small).
 * With two dashboards or more, its second line names the one shown ("Dashboard Agile: Produção"), figures or not.
 */
import type { Money, Usage } from '@/lib/billing/model';
import type { AlertWarning } from '@/lib/billing/alerts';
import { alertLine } from '@/lib/i18n/alert-text';
import { budgetPercent } from '@/lib/billing/budget';
import { formatMoney, formatPercent } from '@/lib/i18n/format';
import { t } from '@/lib/i18n';
import { formatPeriod } from '@/lib/i18n/period-text';
import { quotaHighlight } from '@/lib/i18n/quota-text';

/** `head`, then the dashboard shown when there is a choice: the whole title without figures. */
export const titleHead = (head: string, dashboard?: string | null): string =>
  dashboard ? `${head}\n${t('badgeTitleDashboard', dashboard)}` : head;

export function badgeTitle(
  view: { tenantName: string; usage: Usage; simulated: boolean },
  budget: Money | null,
  locale: string,
  active: readonly AlertWarning[] = [],
  dashboard?: string | null,
): string {
  const { usage } = view;
  const percent = budgetPercent(usage.total, budget);
  const warned = (kind: AlertWarning['kind']) => active.some((w) => w.kind === kind);
  return [
    titleHead(`${t('entryLabel')} — ${view.tenantName}`, dashboard),
    t('badgeTitleCost', formatPeriod(usage, locale) || t('entryCurrentCost'), formatMoney(usage.total, locale)),
    view.simulated ? t('simulatedShort') : null,
    ...active.map((w) => alertLine(w, locale)),
    warned('quota') ? null : quotaHighlight(usage.quotas, locale),
    percent === null || warned('budget') ? null : t('badgeTitleBudget', formatPercent(percent, locale)),
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}
