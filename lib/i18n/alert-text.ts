/**
 * An alert in the person's language: what crossed ("Orçamento: 85% (nível 80%)", "Tokens de LLM:
 * 1.050% do plano") for the toolbar title, a notification's title and the lists that show
 * warnings; and its figure against its limit ("Custo atual R$ 27,02 de um orçamento de
 * R$ 30,00.", "1.050.000 de 100.000 tokens incluídos") for the notification's text.
 */
import type { AlertWarning } from '@/lib/billing/alerts';
import type { QuotaKey } from '@/lib/billing/quota';
import { formatAmount, formatMoney, formatPercent } from '@/lib/i18n/format';
import { t, type MessageKey } from '@/lib/i18n';

/** Each quota's name and its "used of included" sentence, as the quota meters word them. */
const QUOTA_WORDS: Record<QuotaKey, [MessageKey, MessageKey]> = {
  api: ['metricApiCalls', 'quotaApiUsed'],
  llm: ['metricTokens', 'quotaLlmUsed'],
  storage: ['metricStorage', 'quotaStorageUsed'],
  compute: ['metricCompute', 'quotaComputeUsed'],
};

export function alertLine(w: AlertWarning, locale: string): string {
  const percent = formatPercent(w.percent, locale);
  if (w.kind === 'quota') return t('alertQuotaLine', t(QUOTA_WORDS[w.resource][0]), percent);
  return w.kind === 'budget' ? t('alertBudgetLine', percent, formatPercent(w.level, locale)) : t('alertEstimateLine', percent);
}

export function alertDetail(w: AlertWarning, locale: string): string {
  if (w.kind === 'quota') return t(QUOTA_WORDS[w.resource][1], formatAmount(w.figure, locale), formatAmount(w.limit, locale));
  return t(w.kind === 'budget' ? 'budgetAlertBody' : 'alertEstimateBody', formatMoney(w.figure, locale), formatMoney(w.limit, locale));
}
