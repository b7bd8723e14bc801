/**
 * The budget rules the toolbar badge, the popup and the full page share: which budget counts,
 * how much of it the cost has used, and the level that colours it.
 */
import type { Money, Result, Projections } from '@/lib/billing/model';

export type BudgetLevel = 'ok' | 'warn' | 'over';

/** What counts for one tenant: its own budget and levels where it has them, else the default ones. */
export interface TenantBudget {
  /** In cents of the data's currency; null: the host's limit, if any. */
  budgetCents: number | null;
  /** Ascending shares of the budget (%) at which alerts come. */
  budgetLevels: number[];
  /** Whether the budget is the tenant's own rather than the default one. */
  own: boolean;
}

/** The settings' budget fields (lib/storage/settings.ts), as this pure layer reads them. */
export interface BudgetSettings {
  budgetCents: number | null;
  budgetLevels: number[];
  tenantBudgets: { origin: string; tenantId: string; budgetCents: number | null; budgetLevels: number[] | null }[];
}

export function tenantBudget(settings: BudgetSettings, origin: string, tenantId: string): TenantBudget {
  const mine = settings.tenantBudgets.find((entry) => entry.origin === origin && entry.tenantId === tenantId);
  return {
    budgetCents: mine?.budgetCents ?? settings.budgetCents,
    budgetLevels: mine?.budgetLevels ?? settings.budgetLevels,
    own: mine?.budgetCents != null,
  };
}

/** The share of the budget (%) from which the badge and gauges turn amber: the lowest level below 100. */
export const warnFrom = (levels: readonly number[]): number => Math.min(100, ...levels);

/** Green below the alert threshold, amber from it, red from 100% of the budget. */
export function budgetLevel(cents: number, budgetCents: number | null, alertPercent: number): BudgetLevel {
  if (!budgetCents || budgetCents <= 0) return 'ok';
  const used = (cents / budgetCents) * 100;
  if (used >= 100) return 'over';
  return used >= alertPercent ? 'warn' : 'ok';
}

/**
 * The budget that counts for `spent`: the person's own (options page) when set, else the host's
 * monthly limit. The person's is in cents of the data's currency, so it takes `spent`'s.
 */
export function budgetThatCounts(budgetCents: number | null, spent: Money, projections: Result<Projections>): Money | null {
  if (budgetCents !== null) return { cents: budgetCents, currency: spent.currency };
  return projections.ok ? (projections.value.budget?.monthlyLimit ?? null) : null;
}

/** The cost as a percentage of the budget; null without a usable budget (none, zero, another currency). */
export function budgetPercent(cost: Money, budget: Money | null): number | null {
  if (!budget || budget.cents <= 0 || budget.currency !== cost.currency) return null;
  return (Math.max(0, cost.cents) / budget.cents) * 100;
}
