/**
 * A tenant's own budget is kept under its dashboard and id: the same id at another dashboard is
 * another tenant, and an entry back to all defaults goes; past the bound nothing is stored (a list
 * over it would read back as no budgets at all).
 */
import { describe, expect, it } from 'vitest';
import { settingsItem, type TenantBudgetSetting } from '@/lib/storage/settings';
import { SETTING_BOUNDS } from '@/lib/storage/settings-shape';
import { saveTenantBudget, withTenantBudget } from '@/components/options/tenant-budgets';

const A = 'http://localhost:9001';
const B = 'https://agile.example.com';
const entry = (origin: string, tenantId: string, budgetCents: number | null, budgetLevels: number[] | null = null): TenantBudgetSetting =>
  ({ origin, tenantId, budgetCents, budgetLevels });

describe('withTenantBudget', () => {
  it('changes only the entry of that dashboard and tenant, in its place', () => {
    const entries = [entry(A, 'BELGO-001', 3000), entry(B, 'BELGO-001', 9000), entry(A, 'TECH-001', null, [90])];
    expect(withTenantBudget(entries, A, 'BELGO-001', { budgetLevels: [50] })).toEqual([
      entry(A, 'BELGO-001', 3000, [50]), entry(B, 'BELGO-001', 9000), entry(A, 'TECH-001', null, [90]),
    ]);
    expect(withTenantBudget(entries, B, 'TECH-001', { budgetCents: 100 })).toEqual([...entries, entry(B, 'TECH-001', 100)]);
  });

  it('drops an entry with neither a budget nor levels of its own, and adds none such', () => {
    const entries = [entry(A, 'BELGO-001', 3000), entry(B, 'BELGO-001', 9000)];
    expect(withTenantBudget(entries, A, 'BELGO-001', { budgetCents: null })).toEqual([entry(B, 'BELGO-001', 9000)]);
    expect(withTenantBudget(entries, A, 'TECH-001', { budgetLevels: null })).toEqual(entries);
  });
});

describe('saveTenantBudget', () => {
  it(`stores nothing past ${SETTING_BOUNDS.tenantBudgetCount.max} tenants, and still changes those already there`, async () => {
    const full = Array.from({ length: SETTING_BOUNDS.tenantBudgetCount.max }, (_, i) => entry(A, `T-${i}`, 100));
    await settingsItem.update((current) => ({ ...current, tenantBudgets: full }));

    expect(await saveTenantBudget(A, 'ONE-MORE', () => ({ budgetCents: 500 }))).toEqual({ stored: false, entry: undefined });
    expect((await settingsItem.getValue()).tenantBudgets).toEqual(full);

    expect(await saveTenantBudget(A, 'T-7', (own) => ({ budgetCents: own!.budgetCents! * 2 }))).toEqual({ stored: true, entry: entry(A, 'T-7', 200) });
    expect((await settingsItem.getValue()).tenantBudgets[7]).toEqual(entry(A, 'T-7', 200));
  });
});
