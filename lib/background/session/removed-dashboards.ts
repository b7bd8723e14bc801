/**
 * What the browser keeps of a dashboard besides its sessions and figures: that someone once
 * signed in there, the tenants its people chose, the alerts announced or silenced. A dashboard
 * removed from the list forgets these too (its tenant budgets leave the settings with it,
 * components/options/dashboards.ts), so added back it starts as new. A withdrawn grant keeps
 * them: the dashboard is still the person's, and granting again brings it back as it was.
 */
import { dashboardsOf, type Settings } from '@/lib/storage/settings';
import { signedInOriginsItem } from '@/lib/storage/sessions';
import { privateTenantChoicesItem, tenantChoicesItem } from '@/lib/storage/tenant-choices';
import { budgetAlertsShownItem, privateBudgetAlertsShownItem } from '@/lib/storage/budget-alerts-shown';
import type { StoredItem } from '@/lib/storage/stored-item';

/** Keys in these records start with the origin and a space (personKey, periodKey). */
const originOf = (key: string) => key.slice(0, key.indexOf(' '));

/** `values` without those `keep` refuses; the same array when nothing goes (no write, no event). */
function kept<T>(values: T[], keep: (value: T) => boolean): T[] {
  const left = values.filter(keep);
  return left.length === values.length ? values : left;
}

function pruneRecord<T>(item: StoredItem<Record<string, T>>, listed: (origin: string) => boolean): Promise<unknown> {
  return item.update((all) => {
    const entries = kept(Object.entries(all), ([key]) => listed(originOf(key)));
    return entries.length === Object.keys(all).length ? all : Object.fromEntries(entries);
  });
}

export async function forgetRemovedDashboards(settings: Settings): Promise<void> {
  const origins = new Set(dashboardsOf(settings).map((d) => d.origin));
  const listed = (origin: string) => origins.has(origin);
  await Promise.all([
    signedInOriginsItem.update((all) => kept(all, listed)),
    pruneRecord(tenantChoicesItem, listed),
    pruneRecord(privateTenantChoicesItem, listed),
    ...[budgetAlertsShownItem, privateBudgetAlertsShownItem].map((item) =>
      item.update((shown) => {
        const announced = kept(Object.entries(shown.announced), ([key]) => listed(originOf(key)));
        const silenced = kept(shown.silenced, (key) => listed(originOf(key)));
        if (announced.length === Object.keys(shown.announced).length && silenced === shown.silenced) return shown;
        return { announced: Object.fromEntries(announced), silenced };
      }),
    ),
  ]);
}
