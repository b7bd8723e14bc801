/** The quota most used, in the person's language: the toolbar title's line and the popup's row. */
import type { Quotas } from '@/lib/billing/model';
import { formatPercent } from '@/lib/i18n/format';
import { t, type MessageKey } from '@/lib/i18n';
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
