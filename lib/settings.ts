/**
 * What a person configures (options page) and which tenant is active per dashboard. Kept in
 * storage.local: none of it is secret (the session token never comes here, see session-store).
 * Every context may watch these items, which is how a tenant switch reaches open tabs live.
 */
import { storage } from '#imports';
import { ACTIVE_TENANTS_KEY, DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from './settings-shape';

export { DEFAULT_DASHBOARD_ORIGIN, DEFAULT_SETTINGS, type Settings } from './settings-shape';

/**
 * Version 1 had no budget; version 2 no language choice. Each migration only adds fields with
 * their defaults, which is what lets the content script read the stored value without them
 * (lib/stored-settings.ts); a migration that does more must be mirrored there.
 */
type SettingsV2 = Omit<Settings, 'language'>;
type SettingsV1 = Omit<SettingsV2, 'budgetCents' | 'alertPercent'>;

export const settingsMigrations = {
  2: (v1: SettingsV1): SettingsV2 => ({ ...v1, budgetCents: null, alertPercent: 80 }),
  3: (v2: SettingsV2): Settings => ({ ...v2, language: 'auto' }),
};

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 3,
  migrations: settingsMigrations,
});

/** Changes some settings, keeping the rest as stored. */
export async function updateSettings(change: Partial<Settings>): Promise<void> {
  await settingsItem.setValue({ ...(await settingsItem.getValue()), ...change });
}

/** Active tenant id per dashboard origin; absent means "the person's current tenant". */
export const activeTenantsItem = storage.defineItem<Record<string, string>>(`local:${ACTIVE_TENANTS_KEY}`, {
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
