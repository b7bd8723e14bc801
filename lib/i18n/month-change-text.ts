/**
 * The change since last month, as one sentence: "+12% vs novembro (+R$ 2,90)", "Sem uso no mês
 * passado" where last month cost nothing, and nothing at all where the host cannot give last
 * month (the caller then shows nothing).
 */
import type { Money } from '@/lib/billing/model';
import type { MonthChange } from '@/lib/billing/month-change';
import { formatMoney, numberFormat } from '@/lib/i18n/format';
import { t } from '@/lib/i18n';
import { formatMonthName } from '@/lib/i18n/period-text';

/** A true minus sign (U+2212) for a fall, which reads better than a hyphen. */
const sign = (value: number) => (value < 0 ? '\u2212' : '+');

/** "+12%", "−8%"; under one percent with a decimal, so a change never reads as "0%". */
function signedPercent(percent: number, locale: string): string {
  const digits = Math.abs(percent) < 1 ? 1 : 0;
  return sign(percent) + numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(Math.abs(percent) / 100);
}

/** "+R$ 2,90", "−R$ 2,16". */
function signedMoney(delta: Money, locale: string): string {
  return sign(delta.cents) + formatMoney({ cents: Math.abs(delta.cents), currency: delta.currency }, locale);
}

/** The sentence for a change against `lastMonth` ("YYYY-MM"); null: say nothing. */
export function monthChangeText(change: MonthChange | null, lastMonth: string, locale: string): string | null {
  if (!change) return null;
  const name = formatMonthName(lastMonth, locale);
  switch (change.kind) {
    case 'noUsageLastMonth':
      return t('vsLastMonthNoUsage');
    case 'same':
      return t('vsLastMonthSame', name);
    default:
      return t('vsLastMonthChange', signedPercent(change.percent, locale), name, signedMoney(change.delta, locale));
  }
}
