/**
 * What a person configures (options page) and which tenants each person has chosen. Kept in
 * storage.local: none of it is secret (the session token never comes here, see session-store).
 * Every context may watch these items, which is how a tenant switch reaches open tabs live.
 */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, SETTINGS_KEY, TENANT_CHOICES_KEY, type Settings } from '@/lib/storage/settings-shape';

export { DEFAULT_DASHBOARD_ORIGIN, DEFAULT_SETTINGS, type Settings } from '@/lib/storage/settings-shape';

/**
 * Version 1 had no budget; version 2 no language choice; version 3 kept typed tenant ids for the
 * whole browser profile. Those belonged to nobody in particular, so version 4 drops them: the next
 * person on a shared profile must not inherit them (each person's own are in tenantChoicesItem).
 * The content script reads the stored value without WXT (lib/storage/content-script-read.ts), filling missing
 * fields with their defaults; a migration that does more than add or drop fields must be
 * mirrored there.
 */
type SettingsV3 = Settings & { extraTenantIds: string[] };
type SettingsV2 = Omit<SettingsV3, 'language'>;
type SettingsV1 = Omit<SettingsV2, 'budgetCents' | 'alertPercent'>;

export const settingsMigrations = {
  2: (v1: SettingsV1): SettingsV2 => ({ ...v1, budgetCents: null, alertPercent: 80 }),
  3: (v2: SettingsV2): SettingsV3 => ({ ...v2, language: 'auto' }),
  4: ({ extraTenantIds: _dropped, ...v3 }: SettingsV3): Settings => v3,
};

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 4,
  migrations: settingsMigrations,
});

/** Changes some settings, keeping the rest as stored. */
export async function updateSettings(change: Partial<Settings>): Promise<void> {
  await settingsItem.setValue({ ...(await settingsItem.getValue()), ...change });
}

/** One person's own tenant choices on one dashboard. */
export interface PersonTenants {
  /** Tenants the person said are theirs (confirmed in a chooser or typed in the options page). */
  chosen: string[];
  /** The tenant the person last switched to, if any. */
  active: string | null;
}

/** Per dashboard origin and username (`personKey`): a second person starts clean. */
export const tenantChoicesItem = storage.defineItem<Record<string, PersonTenants>>(`local:${TENANT_CHOICES_KEY}`, {
  fallback: {},
  version: 1,
});

export const personKey = (origin: string, person: string): string => `${origin} ${person}`;

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
