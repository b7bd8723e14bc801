/**
 * A budget field (the default one and each tenant's): typed in currency units (500,00), stored in
 * cents within SETTING_BOUNDS; empty or 0 means none (the default's, or the host's limit).
 */
import { reaisToCents } from '@/lib/billing/money';
import { SETTING_BOUNDS } from '@/lib/storage/settings-shape';
import { clampSetting } from '@/components/options/clamp-setting';

/** The input's max, in currency units. */
export const BUDGET_INPUT_MAX = SETTING_BOUNDS.budgetCents.max / 100;

/** What the field holds, in cents to store; null for nothing (or nothing above zero). */
export function typedBudgetCents(input: HTMLInputElement): number | null {
  const typed = input.value.trim() === '' ? NaN : input.valueAsNumber;
  return Number.isFinite(typed) && typed > 0 ? clampSetting('budgetCents', reaisToCents(typed)) : null;
}

/** A stored budget as the field shows it ("500.00"; the input localises it). */
export const budgetInputValue = (cents: number | null): string => (cents === null ? '' : (cents / 100).toFixed(2));
