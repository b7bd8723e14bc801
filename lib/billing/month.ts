/**
 * Calendar months as the host names them: "YYYY-MM", in UTC like the host's own clock. The one
 * place that steps between months, so the full page, the comparison and the URLs agree.
 */

/** A month the host can be asked about; anything else never reaches a URL (the host 500s on it). */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

/** "YYYY-MM" of the given day, in UTC like the host. */
export function monthOf(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** `month` moved by `delta` months: addMonths("2026-01", -1) is "2025-12". */
export function addMonths(month: string, delta: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(year, index - 1 + delta, 1)));
}

/** The first day of `month`, UTC midnight (epoch ms). */
export function monthStart(month: string): number {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return Date.UTC(year, index - 1, 1);
}

export function daysInMonth(month: string): number {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, index, 0)).getUTCDate();
}

/** The last `count` months up to and including `month`, oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}
