/**
 * The list of dashboards as the options and first-run pages change it: add, rename, remove and
 * choose, each one settings write (settingsItem.update, so two pages never lose each other's
 * change). Every write stores the whole list with the chosen one in it (dashboardsOf), names
 * and origins as the settings schema takes them. The background follows the list with the
 * overlay's registration, the grants and each removed dashboard's sessions and cache.
 */
import { parseDashboardOrigin } from '@/lib/dashboard/address';
import { settingsItem, type Settings } from '@/lib/storage/settings';
import { SETTING_BOUNDS, dashboardName, dashboardsOf, type Dashboard } from '@/lib/storage/settings-shape';

type Watched = Pick<Settings, 'dashboards' | 'dashboardOrigin' | 'tenantBudgets'>;

/** Why a typed address is not added: not an http(s) origin, already listed, or the list is full. */
export type AddRefusal = 'invalid' | 'duplicate' | 'full';

export type AddCheck = { ok: true; origin: string } | { ok: false; why: AddRefusal; origin?: string };

/** A name as stored: spaces tidied, within its bound; the address itself (or nothing) is no name. */
export function tidyName(typed: string, origin: string): string {
  const name = typed.trim().replace(/\s+/g, ' ').slice(0, SETTING_BOUNDS.dashboardName.max).trim();
  return name === origin || name === dashboardName({ name: '', origin }) ? '' : name;
}

/**
 * Whether a typed address may be added to these settings. Synchronous, so the add form can
 * check before asking the browser for access in the same click (the request needs the click).
 */
export function checkNewDashboard(settings: Pick<Settings, 'dashboards' | 'dashboardOrigin'>, typed: string): AddCheck {
  const origin = parseDashboardOrigin(typed);
  if (!origin) return { ok: false, why: 'invalid' };
  const list = dashboardsOf(settings);
  if (list.some((d) => d.origin === origin)) return { ok: false, why: 'duplicate', origin };
  if (list.length >= SETTING_BOUNDS.dashboardCount.max) return { ok: false, why: 'full', origin };
  return { ok: true, origin };
}

/** The settings with a dashboard added at the end and chosen (the person goes on to set it up); else why not. */
export function withAdded<S extends Watched>(settings: S, dashboard: Dashboard): S | AddRefusal {
  const check = checkNewDashboard(settings, dashboard.origin);
  if (!check.ok) return check.why;
  const added = { origin: check.origin, name: tidyName(dashboard.name, check.origin) };
  return { ...settings, dashboards: [...dashboardsOf(settings), added], dashboardOrigin: added.origin };
}

export function withRenamed<S extends Watched>(settings: S, origin: string, typed: string): S {
  const dashboards = dashboardsOf(settings).map((d) => (d.origin === origin ? { ...d, name: tidyName(typed, origin) } : d));
  return { ...settings, dashboards };
}

/**
 * The settings without a dashboard, nor the tenant budgets kept under it. Removing the chosen
 * one chooses the one after it (else the one before); none left, none chosen.
 */
export function withRemoved<S extends Watched>(settings: S, origin: string): S {
  const list = dashboardsOf(settings);
  const at = list.findIndex((d) => d.origin === origin);
  if (at < 0) return settings;
  const dashboards = list.filter((d) => d.origin !== origin);
  const chosen = settings.dashboardOrigin === origin ? (dashboards[at] ?? dashboards[at - 1])?.origin ?? '' : settings.dashboardOrigin;
  return { ...settings, dashboards, dashboardOrigin: chosen, tenantBudgets: settings.tenantBudgets.filter((b) => b.origin !== origin) };
}

export function withChosen<S extends Watched>(settings: S, origin: string): S {
  const dashboards = dashboardsOf(settings);
  return dashboards.some((d) => d.origin === origin) ? { ...settings, dashboards, dashboardOrigin: origin } : settings;
}

/** Adds a dashboard to the stored settings, checked again against them; the refusal when not added. */
export async function addDashboard(dashboard: Dashboard): Promise<AddRefusal | null> {
  let refusal: AddRefusal | null = null;
  await settingsItem.update((current) => {
    const next = withAdded(current, dashboard);
    if (typeof next !== 'string') return next;
    refusal = next;
    return current;
  });
  return refusal;
}

export const renameDashboard = (origin: string, name: string) => settingsItem.update((current) => withRenamed(current, origin, name));

/** Removes a dashboard; answers the settings after it (which one is chosen now). */
export const removeDashboard = (origin: string) => settingsItem.update((current) => withRemoved(current, origin));

export const chooseDashboard = (origin: string) => settingsItem.update((current) => withChosen(current, origin));
