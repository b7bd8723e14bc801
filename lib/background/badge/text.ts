/**
 * What the toolbar badge says and which colour it has. A badge shows about four characters,
 * so the cost is in whole currency units, shortened per locale: 246, 1,2k (pt-BR), 1.2k (en),
 * 12k, 1,5M.
 */
import type { BudgetLevel } from '@/lib/billing/budget';
import { numberFormat } from '@/lib/i18n/format';

/** A colour per budget level, and grey when the host failed. */
export const BADGE_COLORS = { ok: '#16a34a', warn: '#d97706', over: '#dc2626', error: '#6b7280' } as const satisfies Record<
  BudgetLevel | 'error',
  string
>;

export function badgeText(cents: number, locale: string): string {
  const units = Math.max(0, cents) / 100;
  // Shortened values are truncated (1 999 → 1,9k), so "1,0k" never stands for 950.
  const short = (value: number, suffix: string) => {
    const shown = value < 10 ? Math.floor(value * 10) / 10 : Math.floor(value);
    return numberFormat(locale, { maximumFractionDigits: 1 }).format(shown) + suffix;
  };
  if (units < 1000) return String(Math.round(units));
  if (units < 999_500) return short(units / 1000, 'k');
  return short(units / 1_000_000, 'M');
}
