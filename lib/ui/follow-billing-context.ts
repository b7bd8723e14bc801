/**
 * For the extension's own pages (popup, full page): what they show must always be the active
 * person's, for their active tenant, on the dashboard they show. `onChange` is called after
 * anything that may change that: a sign-in or sign-out on the dashboard, a tenant switched or
 * chosen (here or in another window), a new dashboard address. Returns the way to stop.
 *
 * A page pinned to one of the person's dashboards (`dashboard`: a full page opened from that
 * dashboard's tab, one group of the overview) hears only that dashboard: another one chosen
 * elsewhere changes nothing it shows, and people and tenants at other origins are not its own.
 * It hears 'dashboard' when its dashboard leaves the list (or comes back): its answers change.
 */
import { watchSignIns } from '@/lib/storage/sessions';
import { dashboardsOf, settingsItem, type Settings } from '@/lib/storage/settings';
import { privateTenantChoicesItem, tenantChoicesItem } from '@/lib/storage/tenant-choices';

export type ContextChange = 'person' | 'tenant' | 'dashboard';

export interface FollowOptions {
  /** The dashboard's origin the page is pinned to; absent: the chosen one, whichever it is. */
  dashboard?: string;
}

/** Tenant choices of the people at `origin` (keys are `personKey(origin, person)`). */
const choicesAt = (all: Record<string, unknown>, origin: string): string =>
  JSON.stringify(Object.entries(all).filter(([key]) => key.startsWith(`${origin} `)));

const listed = (settings: Settings, origin: string): boolean => dashboardsOf(settings).some((d) => d.origin === origin);

export function followBillingContext(onChange: (change: ContextChange) => void, { dashboard }: FollowOptions = {}): () => void {
  const stops = [
    watchSignIns(() => onChange('person'), dashboard),
    // A private window's choices are kept apart (storage.session), and heard the same way.
    ...[tenantChoicesItem, privateTenantChoicesItem].map((item) =>
      item.watch((now, before) => {
        if (dashboard === undefined || choicesAt(now, dashboard) !== choicesAt(before, dashboard)) onChange('tenant');
      }),
    ),
    settingsItem.watch((now, before) => {
      const moved = dashboard === undefined ? now.dashboardOrigin !== before.dashboardOrigin : listed(now, dashboard) !== listed(before, dashboard);
      if (moved) onChange('dashboard');
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
