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

/** `after` if it differs from `before`, else `before` itself: unchanged, nothing is written, no watcher hears. */
const changed = <T>(before: T, after: T): T => (JSON.stringify(after) === JSON.stringify(before) ? before : after);

/** The entries of `record` whose key `keep` takes. */
const picked = <T>(record: Record<string, T>, keep: (key: string) => boolean) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => keep(key)));

/**
 * Forgets what is kept of the dashboards in `before`'s list and not in `now`'s: told by the
 * change itself, never by a list read alone (a list that no longer reads, say from a newer
 * version, must not cost the others their records).
 */
export async function forgetRemovedDashboards(now: Settings, before: Settings): Promise<void> {
  const kept = new Set(dashboardsOf(now).map((d) => d.origin));
  const removed = new Set(dashboardsOf(before).map((d) => d.origin).filter((origin) => !kept.has(origin)));
  if (removed.size === 0) return;
  // Keys here start with the origin and a space (personKey, periodKey).
  const listed = (key: string) => !removed.has(key.slice(0, key.indexOf(' ')));
  await Promise.all([
    signedInOriginsItem.update((all) => changed(all, all.filter((origin) => !removed.has(origin)))),
    ...[tenantChoicesItem, privateTenantChoicesItem].map((item) => item.update((all) => changed(all, picked(all, listed)))),
    ...[budgetAlertsShownItem, privateBudgetAlertsShownItem].map((item) =>
      item.update((shown) => changed(shown, { announced: picked(shown.announced, listed), silenced: shown.silenced.filter(listed) })),
    ),
  ]);
}
