/**
 * What the month will cost: the host's own projection where it has one (the panel), else an
 * estimate of ours from the daily rate so far, always labelled as such. The host's projection
 * is shown as the host's even when its own figures contradict it (a projected total no higher
 * than what is already spent, with days still to go): then the contradiction is said.
 */
import type { Money, Projections } from '@/lib/billing/model';
import { daysInMonth, monthOf } from '@/lib/billing/month';

export interface MonthEndEstimate {
  total: Money;
  /** Days counted so far, today included, and the month's length. */
  daysElapsed: number;
  daysInMonth: number;
}

/**
 * `spent` so far in `month` ("YYYY-MM") at the daily rate up to `now`, over the whole month.
 * Only for the month in progress: a past month is what it cost, a future one has no rate.
 */
export function monthEndEstimate(spent: Money, month: string, now: Date): MonthEndEstimate | null {
  if (monthOf(now) !== month || !Number.isFinite(spent.cents) || spent.cents < 0) return null;
  const length = daysInMonth(month);
  // Today counts as a whole day: on the 1st, a day's spending is a day's rate, not infinity.
  const elapsed = now.getUTCDate();
  return {
    total: { cents: Math.round((spent.cents / elapsed) * length), currency: spent.currency },
    daysElapsed: elapsed,
    daysInMonth: length,
  };
}

/** The host projects no more than is already spent while days remain: its projection ignores them. */
export function projectionContradicts(projections: Projections): boolean {
  return projections.daysRemaining > 0 && projections.spent.cents > 0 && projections.projectedTotal.cents <= projections.spent.cents;
}
