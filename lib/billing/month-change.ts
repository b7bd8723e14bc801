/**
 * The change since last month, as figures: up or down by how much, "no usage last month", or
 * nothing to compare (another currency). lib/i18n/month-change-text.ts words it.
 */
import type { Money } from '@/lib/billing/model';

export type MonthChange =
  | { kind: 'noUsageLastMonth' }
  | { kind: 'same' }
  | { kind: 'up' | 'down'; percent: number; delta: Money };

/** This month against the last; null when they cannot be compared (another currency). */
export function compareMonths(current: Money, previous: Money): MonthChange | null {
  if (current.currency !== previous.currency) return null;
  if (previous.cents <= 0) return { kind: 'noUsageLastMonth' };
  const delta = current.cents - previous.cents;
  if (delta === 0) return { kind: 'same' };
  return { kind: delta > 0 ? 'up' : 'down', percent: (delta / previous.cents) * 100, delta: { cents: delta, currency: current.currency } };
}
