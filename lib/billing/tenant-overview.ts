/**
 * Every tenant at a glance (the popup's list, the full page's overview): one tenant's figures
 * as a row shows them, the rows' order by any column, and totals per currency. Pure; the
 * loader (lib/ui/tenant-rows.svelte.ts) feeds it what the background answered.
 */
import type { BillingError, BillingSnapshot, Money, Quotas, Result, Usage } from '@/lib/billing/model';
import { mostUsedQuota, type QuotaKey } from '@/lib/billing/quota';
import { compareMonths, type MonthChange } from '@/lib/billing/month-change';
import { budgetLevel, budgetPercent, budgetThatCounts, warnFrom, type BudgetLevel, type TenantBudget } from '@/lib/billing/budget';
import { addMonths } from '@/lib/billing/month';

export interface TenantFigures {
  tenantId: string;
  cost: Money;
  apiCalls: number;
  llmTokens: number;
  /** Against the plan, as the host gives them (lib/i18n/quota-text.ts words the most used). */
  quotas: Quotas;
  /** The quota closest to (or furthest past) its limit; null where the host names none. */
  mostUsedQuota: { key: QuotaKey; percent: number } | null;
  /** "YYYY-MM"; null for the panel's rolling period. */
  month: string | null;
  /** The month compared with; null where the figures are no calendar month. */
  lastMonth: string | null;
  /** undefined: last month still loading; null: nothing to compare (no month, failed, another currency). */
  change: MonthChange | null | undefined;
  /** Share (%) of the budget that counts (the tenant's own, the default, else the host's limit); null: none. */
  budgetPercent: number | null;
  budgetLevel: BudgetLevel;
  stale: boolean;
  simulated: boolean;
  fetchedAt: number;
}

export type RowState =
  | { kind: 'loading' }
  | { kind: 'error'; error: BillingError }
  | { kind: 'ready'; figures: TenantFigures; refreshing: boolean };

/** What sorting and totals need of a row (lib/ui/tenant-rows.svelte.ts's TenantRow is one). */
export interface OverviewRow {
  tenant: { id: string; name: string; source: string };
  state: RowState;
}

/** The host refused this tenant's figures: the row says "no access", not a failure to retry. */
export const isNoAccess = (row: OverviewRow): boolean => row.state.kind === 'error' && row.state.error.kind === 'noAccess';

export interface FiguresInput {
  snapshot: BillingSnapshot;
  stale: boolean;
  /** Last month's answer; undefined while it loads. */
  previous: Result<Usage> | undefined;
  budget: Pick<TenantBudget, 'budgetCents' | 'budgetLevels'>;
}

export function tenantFigures({ snapshot, stale, previous, budget }: FiguresInput): TenantFigures {
  const { usage } = snapshot;
  const cost = usage.total;
  const lastMonth = usage.month ? addMonths(usage.month, -1) : null;
  const change = !lastMonth ? null : previous === undefined ? undefined : previous.ok ? compareMonths(cost, previous.value.total) : null;
  const counted = budgetThatCounts(budget.budgetCents, cost, snapshot.projections);
  const percent = budgetPercent(cost, counted);
  return {
    tenantId: snapshot.tenantId,
    cost,
    apiCalls: usage.metrics.apiCalls,
    llmTokens: usage.metrics.tokensTotal,
    quotas: usage.quotas,
    mostUsedQuota: mostUsedQuota(usage.quotas),
    month: usage.month,
    lastMonth,
    change,
    budgetPercent: percent,
    budgetLevel: percent === null ? 'ok' : budgetLevel(cost.cents, counted!.cents, warnFrom(budget.budgetLevels)),
    stale,
    simulated: snapshot.simulated,
    fetchedAt: snapshot.fetchedAt,
  };
}

export const OVERVIEW_COLUMNS = ['tenant', 'source', 'cost', 'apiCalls', 'llmTokens', 'quota', 'change', 'budget'] as const;
export type OverviewColumn = (typeof OVERVIEW_COLUMNS)[number];
/** The words aria-sort takes. */
export type SortDirection = 'ascending' | 'descending';
export interface OverviewSort {
  column: OverviewColumn;
  direction: SortDirection;
}
/** Most expensive first: what a person scanning many tenants looks for. */
export const DEFAULT_SORT: OverviewSort = { column: 'cost', direction: 'descending' };

/** Strongest evidence first (lib/protocol/replies.ts TenantSource). */
const SOURCE_ORDER = ['host', 'token', 'chosen'];

/** A change as one number: a rise from nothing counts above any percentage. */
function changeKey(change: MonthChange | null | undefined, cost: Money): number | null {
  if (!change) return null;
  if (change.kind === 'same') return 0;
  if (change.kind === 'noUsageLastMonth') return cost.cents > 0 ? Infinity : 0;
  return change.kind === 'up' ? change.percent : -Math.abs(change.percent);
}

/** The number a column sorts by; null: the row has none (loading, failed, not given) and goes last. */
function numericKey(row: OverviewRow, column: Exclude<OverviewColumn, 'tenant' | 'source'>): number | null {
  if (row.state.kind !== 'ready') return null;
  const f = row.state.figures;
  switch (column) {
    case 'cost':
      return f.cost.cents;
    case 'apiCalls':
      return f.apiCalls;
    case 'llmTokens':
      return f.llmTokens;
    case 'quota':
      return f.mostUsedQuota?.percent ?? null;
    case 'change':
      return changeKey(f.change, f.cost);
    case 'budget':
      return f.budgetPercent;
  }
}

/** 0: the row has a value for the column; 1: figures without that one; 2: no figures at all. */
const lastness = (row: OverviewRow, key: number | null): number => (key !== null ? 0 : row.state.kind === 'ready' ? 1 : 2);
const currencyOf = (row: OverviewRow): string | null => (row.state.kind === 'ready' ? row.state.figures.cost.currency : null);
const order = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rows in `sort`'s order; a new array, the given one untouched. Rows without a value for the
 * column go last whichever the direction (those without any figures after them); costs in different currencies are never compared:
 * they are grouped by currency code, and sorted within each. Ties keep a fixed order (name, id).
 */
export function sortRows<R extends OverviewRow>(rows: readonly R[], sort: OverviewSort, locale: string): R[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: R, b: R) => collator.compare(a.tenant.name, b.tenant.name) || order(a.tenant.id, b.tenant.id);
  const byColumn = (a: R, b: R): number => {
    if (sort.column === 'tenant') return 0;
    if (sort.column === 'source') return sign * order(SOURCE_ORDER.indexOf(a.tenant.source), SOURCE_ORDER.indexOf(b.tenant.source));
    const [x, y] = [numericKey(a, sort.column), numericKey(b, sort.column)];
    if (x === null || y === null) return order(lastness(a, x), lastness(b, y));
    if (sort.column === 'cost') {
      const byCurrency = order(currencyOf(a)!, currencyOf(b)!);
      if (byCurrency) return byCurrency;
    }
    return sign * order(x, y);
  };
  return [...rows].sort((a, b) => byColumn(a, b) || (sort.column === 'tenant' ? sign : 1) * byName(a, b));
}

export interface CurrencyTotal {
  cost: Money;
  apiCalls: number;
  llmTokens: number;
  /** How many tenants' figures are in it. */
  tenants: number;
}

/** One total per currency of the rows with figures, by currency code: never a sum across currencies. */
export function totalsByCurrency(rows: readonly OverviewRow[]): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const row of rows) {
    if (row.state.kind !== 'ready') continue;
    const { cost, apiCalls, llmTokens } = row.state.figures;
    const total = totals.get(cost.currency) ?? { cost: { cents: 0, currency: cost.currency }, apiCalls: 0, llmTokens: 0, tenants: 0 };
    total.cost.cents += cost.cents;
    total.apiCalls += apiCalls;
    total.llmTokens += llmTokens;
    total.tenants += 1;
    totals.set(cost.currency, total);
  }
  return [...totals.values()].sort((a, b) => order(a.cost.currency, b.cost.currency));
}
