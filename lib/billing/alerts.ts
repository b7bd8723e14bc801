/**
 * The alert rules, in one pure function: which warnings are in force for a tenant's billing
 * period (the budget's levels, the month-end estimate over the budget, each quota at 80% and
 * 100% of its plan) and which of them are new, to be announced. What was announced is kept per
 * origin, tenant, period, alert and level (lib/storage/budget-alerts-shown.ts); the background
 * announces (lib/background/badge/alerts.ts), the badge, popup and full page show the warnings.
 */
import type { BillingSnapshot, Money, Quotas } from '@/lib/billing/model';
import { budgetPercent, budgetThatCounts, type BudgetLevel, type TenantBudget } from '@/lib/billing/budget';
import { monthEndEstimate } from '@/lib/billing/month-end-estimate';
import { monthOf } from '@/lib/billing/month';
import { QUOTA_KEYS, quotaPercent, type QuotaKey } from '@/lib/billing/quota';

/** The kinds of alert the person wants (the settings' alertKinds). */
export interface AlertKinds {
  budget: boolean;
  estimate: boolean;
  quota: boolean;
}
export type AlertKind = keyof AlertKinds;

/** A warning in force; `at`: when it (or a higher level of the same alert) was announced, else null. */
export type AlertWarning = { level: number; percent: number; at: number | null } & (
  | { kind: 'budget' | 'estimate'; figure: Money; limit: Money }
  | { kind: 'quota'; resource: QuotaKey; figure: number; limit: number }
);

/** What the popup, the options page and the full page are told (op alerts.get). */
export interface AlertsView {
  tenantId: string;
  /** "YYYY-MM". */
  period: string;
  silenced: boolean;
  /** Worst first. */
  active: AlertWarning[];
}

/** A tenant's billing period at one dashboard: what an alert is announced once in, and silenced for. */
export interface TenantPeriod {
  origin: string;
  tenantId: string;
  /** "YYYY-MM". */
  period: string;
}

/** The key of a tenant's period ("origin tenant YYYY-MM": none of the three holds a space). */
export const periodKey = ({ origin, tenantId, period }: TenantPeriod): string => `${origin} ${tenantId} ${period}`;

/**
 * The alerts announced, by `${periodKey} ${alertOf}`: the highest level announced (which covers
 * the lower ones) and when (null: before the time was kept).
 */
export type Announced = Record<string, { level: number; at: number | null }>;

/** What the rules read of one tenant's period. */
export interface AlertFigures {
  cost: Money;
  /** The budget that counts (lib/billing/budget.ts), null: none. */
  budget: Money | null;
  /** Ascending budget levels (%). */
  levels: readonly number[];
  /** Our month-end estimate; null before ESTIMATE_FROM_DAY, and where the full page shows none. */
  estimate: Money | null;
  quotas: Quotas;
}

/**
 * From the 7th of the month: before a full week, the daily rate is a day or two of usage (a
 * Monday's batch job times thirty) and the estimate would cry wolf; from then on there are still
 * three weeks to act.
 */
export const ESTIMATE_FROM_DAY = 7;
const QUOTA_LEVELS = [80, 100];

/**
 * The figures of a current-month snapshot, and their period: its month, or the current one for
 * the panel's rolling 30 days. The estimate is ours, from the daily rate, as the full page shows
 * it where the host gives no projection (components/full-page/MonthEnd.svelte). The host's own
 * projection (the panel's) never alerts: its figures are simulated, and the full page flags
 * where they contradict themselves.
 */
export function alertFigures(
  snapshot: BillingSnapshot,
  rule: Pick<TenantBudget, 'budgetCents' | 'budgetLevels'>,
  now: Date,
): AlertFigures & { period: string } {
  const { usage, projections } = snapshot;
  return {
    period: usage.month ?? monthOf(now),
    cost: usage.total,
    budget: budgetThatCounts(rule.budgetCents, usage.total, projections),
    levels: rule.budgetLevels,
    estimate: (now.getUTCDate() >= ESTIMATE_FROM_DAY && !projections.ok && usage.month && monthEndEstimate(usage.total, usage.month, now)?.total) || null,
    quotas: usage.quotas,
  };
}

/** Which alert a warning is of: its kind, and the resource for a quota ("quota.llm"). */
export const alertOf = (w: Pick<AlertWarning, 'kind'> & { resource?: QuotaKey }): string =>
  w.resource ? `quota.${w.resource}` : w.kind;

/** The highest of `levels` that `used` of `limit` reached, or undefined. */
const reached = (levels: readonly number[], used: number, limit: number) =>
  levels.filter((level) => used * 100 >= level * limit).pop();

/** Over a limit (budget or quota at 100%), then the estimate, then warnings by level; budget before quota. */
const severity = (w: AlertWarning) =>
  (w.kind === 'estimate' ? 2000 : w.level >= 100 ? 3000 : 1000) + Math.min(w.level, 999) - (w.kind === 'quota' ? 0.5 : 0);

export interface AlertInput extends TenantPeriod {
  /** The figures of this tenant and period. */
  figures: AlertFigures;
  kinds: AlertKinds;
  /** Every announcement remembered: only those of this tenant and period count. */
  announced: Announced;
  silenced: boolean;
}

/**
 * The warnings in force, worst first, and those to announce now: each alert's highest level
 * reached, when no level as high or higher of it was announced this period (a level announced
 * covers the lower ones). Nothing is announced while silenced, so it comes when unsilenced.
 * The crossings are the very objects of `active`.
 */
export function evaluateAlerts({ figures, kinds, announced, silenced, ...key }: AlertInput): { active: AlertWarning[]; crossings: AlertWarning[] } {
  const { cost, budget, estimate } = figures;
  const found: AlertWarning[] = [];
  const percent = budgetPercent(cost, budget);
  if (budget && percent !== null) {
    const level = kinds.budget && reached(figures.levels, Math.max(0, cost.cents), budget.cents);
    if (level) found.push({ kind: 'budget', level, percent, figure: cost, limit: budget, at: null });
    // Once the bill itself is over the budget, the estimate says nothing more.
    if (kinds.estimate && percent < 100 && estimate?.currency === cost.currency && estimate.cents > budget.cents)
      found.push({ kind: 'estimate', level: 100, percent: (estimate.cents / budget.cents) * 100, figure: estimate, limit: budget, at: null });
  }
  for (const resource of kinds.quota ? QUOTA_KEYS : []) {
    const quota = figures.quotas[resource];
    const level = quota && reached(QUOTA_LEVELS, quota.used, quota.included);
    if (level) found.push({ kind: 'quota', resource, level, percent: quotaPercent(quota), figure: quota.used, limit: quota.included, at: null });
  }
  const fresh: AlertWarning[] = [];
  for (const w of found) {
    const covering = announced[`${periodKey(key)} ${alertOf(w)}`];
    if (covering && covering.level >= w.level) w.at = covering.at;
    else fresh.push(w);
  }
  const worstFirst = (a: AlertWarning, b: AlertWarning) => severity(b) - severity(a);
  return { active: found.sort(worstFirst), crossings: silenced ? [] : fresh.sort(worstFirst) };
}

/** The badge's colour: red with any limit reached, amber with any other warning. */
export const alertLevel = (active: readonly AlertWarning[]): BudgetLevel =>
  active.some((w) => w.level >= 100 && w.kind !== 'estimate') ? 'over' : active.length ? 'warn' : 'ok';
