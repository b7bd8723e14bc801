/**
 * A tenant's own budget and levels (settings.tenantBudgets), keyed by the dashboard's origin and
 * the tenant id, as lib/billing/budget.ts tenantBudget() reads them. An entry with neither a budget
 * nor levels of its own says nothing, so it is dropped rather than kept.
 */
import { settingsItem, type TenantBudgetSetting } from '@/lib/storage/settings';
import { SETTING_BOUNDS } from '@/lib/storage/settings-shape';

export type TenantBudgetChange = Partial<Pick<TenantBudgetSetting, 'budgetCents' | 'budgetLevels'>>;

export function findTenantBudget(entries: readonly TenantBudgetSetting[], origin: string, tenantId: string): TenantBudgetSetting | undefined {
  return entries.find((entry) => entry.origin === origin && entry.tenantId === tenantId);
}

/** `entries` with the tenant's entry changed (added where missing; dropped once it is all defaults). */
export function withTenantBudget(
  entries: readonly TenantBudgetSetting[],
  origin: string,
  tenantId: string,
  change: TenantBudgetChange,
): TenantBudgetSetting[] {
  const current = findTenantBudget(entries, origin, tenantId);
  const next = { origin, tenantId, budgetCents: null, budgetLevels: null, ...current, ...change };
  const empty = next.budgetCents === null && next.budgetLevels === null;
  if (!current) return empty ? [...entries] : [...entries, next];
  return empty ? entries.filter((entry) => entry !== current) : entries.map((entry) => (entry === current ? next : entry));
}

/** What a save left: whether it was stored, and the tenant's entry as stored after it. */
export interface TenantBudgetSaved {
  stored: boolean;
  entry: TenantBudgetSetting | undefined;
}

/**
 * Stores the change, worked out from the entry as stored (read-modify-write, one after another);
 * nothing is stored where it would give more tenants a budget of their own than
 * SETTING_BOUNDS.tenantBudgetCount allows.
 */
export async function saveTenantBudget(
  origin: string,
  tenantId: string,
  change: (entry: TenantBudgetSetting | undefined) => TenantBudgetChange,
): Promise<TenantBudgetSaved> {
  let stored = true;
  const settings = await settingsItem.update((current) => {
    const tenantBudgets = withTenantBudget(current.tenantBudgets, origin, tenantId, change(findTenantBudget(current.tenantBudgets, origin, tenantId)));
    stored = tenantBudgets.length <= SETTING_BOUNDS.tenantBudgetCount.max;
    return stored ? { ...current, tenantBudgets } : current;
  });
  return { stored, entry: findTenantBudget(settings.tenantBudgets, origin, tenantId) };
}
