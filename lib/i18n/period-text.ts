/**
 * Periods and months as people read them, never as the host names them: the panel's rolling
 * "month" becomes its dates ("26 de out. – 25 de nov. de 2026"), a v1 month its name ("dezembro
 * de 2026"). Months are "YYYY-MM" (lib/billing/month.ts); every date is the calendar day the host wrote.
 */
import type { Usage } from '@/lib/billing/model';
import { calendarDay, dateFormat } from '@/lib/i18n/format';
import { monthStart } from '@/lib/billing/month';

const UTC = { timeZone: 'UTC' } as const;

/** "dezembro de 2026" / "December 2026". */
export function formatMonth(month: string, locale: string): string {
  return dateFormat(locale, { ...UTC, month: 'long', year: 'numeric' }).format(monthStart(month));
}

/** "novembro" / "November": the month alone, where the year goes without saying. */
export function formatMonthName(month: string, locale: string): string {
  return dateFormat(locale, { ...UTC, month: 'long' }).format(monthStart(month));
}

/** "nov." / "Nov": a chart's axis. */
export function formatMonthShort(month: string, locale: string): string {
  return dateFormat(locale, { ...UTC, month: 'short' }).format(monthStart(month));
}

/**
 * What period a usage covers: its dates where the host gives them, else its month, else
 * nothing (a label such as "month" says nothing to a person).
 */
export function formatPeriod(usage: Pick<Usage, 'periodStart' | 'periodEnd' | 'month'>, locale: string): string {
  const start = usage.periodStart ? calendarDay(usage.periodStart) : null;
  const end = usage.periodEnd ? calendarDay(usage.periodEnd) : null;
  if (start !== null && end !== null && start <= end) {
    return dateFormat(locale, { ...UTC, day: 'numeric', month: 'short', year: 'numeric' }).formatRange(start, end);
  }
  return usage.month ? formatMonth(usage.month, locale) : '';
}
