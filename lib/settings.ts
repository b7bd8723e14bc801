/**
 * What a person configures (options page) and which tenant is active per dashboard. Kept in
 * storage.local: none of it is secret (the session token never comes here, see session-store).
 * Every context may watch these items, which is how a tenant switch reaches open tabs live.
 */
import { storage } from '#imports';
import type { Language } from './i18n-catalog';

export const DEFAULT_DASHBOARD_ORIGIN = 'http://localhost:9001';

export interface Settings {
  /** The dashboard's origin, e.g. "http://localhost:9001" (no path, no trailing slash). */
  dashboardOrigin: string;
  /** How old cached figures may get before they are refreshed, in minutes. */
  refreshMinutes: number;
  /** Tenant ids typed in by support staff, offered beside the ones the host lists. */
  extraTenantIds: string[];
  /** The person's own monthly budget in cents of the data's currency; null: the host's, if any. */
  budgetCents: number | null;
  /** Share of the budget (%) at which the badge turns amber and one alert is shown. */
  alertPercent: number;
  /** The UI language: the browser's, or one the person chose. */
  language: 'auto' | Language;
}

/** Version 1 had no budget; version 2 no language choice. */
type SettingsV2 = Omit<Settings, 'language'>;
type SettingsV1 = Omit<SettingsV2, 'budgetCents' | 'alertPercent'>;

export const DEFAULT_SETTINGS: Settings = {
  dashboardOrigin: DEFAULT_DASHBOARD_ORIGIN,
  refreshMinutes: 5,
  extraTenantIds: [],
  budgetCents: null,
  alertPercent: 80,
  language: 'auto',
};

export const settingsMigrations = {
  2: (v1: SettingsV1): SettingsV2 => ({ ...v1, budgetCents: null, alertPercent: 80 }),
  3: (v2: SettingsV2): Settings => ({ ...v2, language: 'auto' }),
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 3,
  migrations: settingsMigrations,
});

/** Active tenant id per dashboard origin; absent means "the person's current tenant". */
export const activeTenantsItem = storage.defineItem<Record<string, string>>('local:activeTenants', {
  fallback: {},
  version: 1,
});

/** The origin of a URL when it is the configured dashboard, else null. */
export function dashboardOriginOf(url: string | undefined, settings: Settings): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === settings.dashboardOrigin ? origin : null;
  } catch {
    return null;
  }
}
