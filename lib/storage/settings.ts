/**
 * What a person configures (options page). Kept in storage.local: none of it is secret (the
 * session token never comes here, see lib/storage/sessions.ts). Every context may watch the item,
 * which is how a new address or language reaches open pages live.
 */
import { z } from 'zod/mini';
import { LANGUAGE_TAGS } from '@/lib/i18n/catalog';
import { DEFAULT_SETTINGS, SETTING_BOUNDS, SETTINGS_KEY } from '@/lib/storage/settings-shape';
import { defineStoredItem } from '@/lib/storage/stored-item';

export { DEFAULT_DASHBOARD_ORIGIN, DEFAULT_SETTINGS } from '@/lib/storage/settings-shape';

const within = ({ min, max }: { min: number; max: number }) => z.number().check(z.gte(min), z.lte(max));

const settingsSchema = z.object({
  /** The dashboard's origin, e.g. "http://localhost:9001" (no path, no trailing slash). */
  dashboardOrigin: z.string(),
  /**
   * How old cached figures may get before they are refreshed, in minutes. Stored, any interval
   * above zero up to the bound works (the alarm takes fractions; the Firefox suite stores 3 s);
   * zero would make every read start a refresh. The options page offers whole minutes within
   * SETTING_BOUNDS.
   */
  refreshMinutes: z.number().check(z.gt(0), z.lte(SETTING_BOUNDS.refreshMinutes.max)),
  /** The person's own monthly budget in cents of the data's currency; null: the host's, if any. */
  budgetCents: z.nullable(within(SETTING_BOUNDS.budgetCents)),
  /** Share of the budget (%) at which the badge turns amber and one alert is shown. */
  alertPercent: within(SETTING_BOUNDS.alertPercent),
  /** The UI language: the browser's, or one the person chose. */
  language: z.enum(['auto', ...LANGUAGE_TAGS]),
});

export type Settings = z.infer<typeof settingsSchema>;

/**
 * Version 1 had no budget; version 2 no language choice; version 3 kept typed tenant ids for the
 * whole browser profile. Those belonged to nobody in particular, so version 4 drops them: the next
 * person on a shared profile must not inherit them (each person's own are in tenantChoicesItem).
 * The content script reads the stored value without WXT (lib/storage/content-script-read.ts),
 * taking the default for a missing field; a migration that does more than add or drop fields
 * must be mirrored there.
 */
type SettingsV3 = Settings & { extraTenantIds: string[] };
type SettingsV2 = Omit<SettingsV3, 'language'>;
type SettingsV1 = Omit<SettingsV2, 'budgetCents' | 'alertPercent'>;

export const settingsMigrations = {
  2: (v1: SettingsV1): SettingsV2 => ({ ...v1, budgetCents: null, alertPercent: 80 }),
  3: (v2: SettingsV2): SettingsV3 => ({ ...v2, language: 'auto' }),
  4: ({ extraTenantIds: _dropped, ...v3 }: SettingsV3): Settings => v3,
};

/** A stored field missing or out of its bounds reads as its default; the others are kept. */
export const settingsItem = defineStoredItem(`local:${SETTINGS_KEY}`, {
  schema: settingsSchema,
  fallback: DEFAULT_SETTINGS,
  byField: true,
  version: 4,
  migrations: settingsMigrations,
});

/** Changes some settings, keeping the rest as stored. */
export async function updateSettings(change: Partial<Settings>): Promise<void> {
  await settingsItem.update((current) => ({ ...current, ...change }));
}

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
