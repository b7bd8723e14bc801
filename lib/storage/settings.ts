/**
 * What a person configures (options page). Kept in storage.local: none of it is secret (the
 * session token never comes here, see lib/storage/sessions.ts). Every context may watch the item,
 * which is how a new address or language reaches open pages live.
 */
import { z } from 'zod/mini';
import { LANGUAGE_TAGS } from '@/lib/i18n/catalog';
import { DEFAULT_SETTINGS, SETTING_BOUNDS, SETTINGS_KEY, dashboardsOf } from '@/lib/storage/settings-shape';
import { defineStoredItem } from '@/lib/storage/stored-item';
import { TENANT_ID_PATTERN } from '@/lib/billing/tenant-id';
import { parseDashboardOrigin } from '@/lib/dashboard/address';

export { DEFAULT_DASHBOARD_ORIGIN, DEFAULT_SETTINGS, dashboardsOf } from '@/lib/storage/settings-shape';

const within = ({ min, max }: { min: number; max: number }) => z.number().check(z.gte(min), z.lte(max));

/**
 * Ascending and without repeats, so "the lowest level" and "the levels crossed" need no sorting.
 * (Checks by refinement rather than `z.minLength` and `z.regex`: each kind of check zod ships
 * costs the background bytes, and these are the background's only ones.)
 */
const budgetLevelsSchema = z
  .array(within(SETTING_BOUNDS.budgetLevel))
  .check(
    z.maxLength(SETTING_BOUNDS.budgetLevelCount.max),
    z.refine((levels) => levels.length >= SETTING_BOUNDS.budgetLevelCount.min && levels.every((level, i) => i === 0 || level > levels[i - 1]!)),
  );

const tenantBudgetSchema = z.object({
  origin: z.string(),
  tenantId: z.string().check(z.refine((id) => TENANT_ID_PATTERN.test(id))),
  budgetCents: z.nullable(within(SETTING_BOUNDS.budgetCents)),
  budgetLevels: z.nullable(budgetLevelsSchema),
});

const dashboardSchema = z.object({
  /** What the person calls it ("Produção"); empty: its address. */
  name: z.string().check(z.maxLength(SETTING_BOUNDS.dashboardName.max)),
  /** Its origin, e.g. "http://localhost:9001" (no path, no trailing slash): nothing else is believed. */
  origin: z.string().check(z.refine((origin) => parseDashboardOrigin(origin) === origin)),
});

const settingsSchema = z.object({
  /** Every dashboard watched: each has its own grant, overlay registration, sessions and cache. */
  dashboards: z.array(dashboardSchema).check(z.maxLength(SETTING_BOUNDS.dashboardCount.max)),
  /**
   * The chosen one among them (popup, badge, full page, options); empty with none. Read it
   * with the list through dashboardsOf(), which keeps it among them.
   */
  dashboardOrigin: z.string(),
  /**
   * How old cached figures may get before they are refreshed, in minutes. Stored, any interval
   * above zero up to the bound works (the alarm takes fractions; the Firefox suite stores 3 s);
   * zero would make every read start a refresh. The options page offers whole minutes within
   * SETTING_BOUNDS.
   */
  refreshMinutes: z.number().check(z.gt(0), z.lte(SETTING_BOUNDS.refreshMinutes.max)),
  /**
   * The person's own monthly budget in cents of the data's currency, for every tenant without one
   * of its own (tenantBudgets); null: the host's, if any.
   */
  budgetCents: z.nullable(within(SETTING_BOUNDS.budgetCents)),
  /** Shares of the budget (%) at which an alert comes, ascending; the lowest turns the badge amber. */
  budgetLevels: budgetLevelsSchema,
  /** Which kinds of alert the person wants (lib/billing/alerts.ts). */
  alertKinds: z.object({ budget: z.boolean(), estimate: z.boolean(), quota: z.boolean() }),
  /** Budgets of a tenant's own, at one dashboard; a null field there takes the default above. */
  tenantBudgets: z.array(tenantBudgetSchema).check(z.maxLength(SETTING_BOUNDS.tenantBudgetCount.max)),
  /** The UI language: the browser's, or one the person chose. */
  language: z.literal(['auto', ...LANGUAGE_TAGS]),
});

export type Settings = z.infer<typeof settingsSchema>;
export type TenantBudgetSetting = z.infer<typeof tenantBudgetSchema>;

/**
 * Version 1 had no budget; version 2 no language choice; version 3 kept typed tenant ids for the
 * whole browser profile. Those belonged to nobody in particular, so version 4 drops them: the next
 * person on a shared profile must not inherit them (each person's own are in tenantChoicesItem).
 * Version 4 had one alert percentage; version 5 has budget levels (the person's percentage and
 * 100%, as the badge turned red there), kinds of alert and budgets per tenant. Version 5 watched
 * one dashboard; version 6 a list, the one address its first.
 * The content script reads the stored value without WXT (lib/storage/content-script-read.ts),
 * taking the default for a missing field; a migration that does more than add or drop fields
 * must be mirrored there.
 */
type SettingsV5 = Omit<Settings, 'dashboards'>;
type SettingsV4 = Omit<SettingsV5, 'budgetLevels' | 'alertKinds' | 'tenantBudgets'> & { alertPercent: number };
type SettingsV3 = SettingsV4 & { extraTenantIds: string[] };
type SettingsV2 = Omit<SettingsV3, 'language'>;
type SettingsV1 = Omit<SettingsV2, 'budgetCents' | 'alertPercent'>;

export const settingsMigrations = {
  2: (v1: SettingsV1): SettingsV2 => ({ ...v1, budgetCents: null, alertPercent: 80 }),
  3: (v2: SettingsV2): SettingsV3 => ({ ...v2, language: 'auto' }),
  4: ({ extraTenantIds: _dropped, ...v3 }: SettingsV3): SettingsV4 => v3,
  5: ({ alertPercent, ...v4 }: SettingsV4): SettingsV5 => ({
    ...v4,
    budgetLevels: alertPercent >= 100 ? [100] : [alertPercent, 100],
    alertKinds: DEFAULT_SETTINGS.alertKinds,
    tenantBudgets: [],
  }),
  6: (v5: SettingsV5): Settings => ({ ...v5, dashboards: [{ name: '', origin: v5.dashboardOrigin }] }),
};

/** A stored field missing or out of its bounds reads as its default; the others are kept. */
export const settingsItem = defineStoredItem(`local:${SETTINGS_KEY}`, {
  schema: settingsSchema,
  fallback: DEFAULT_SETTINGS,
  byField: true,
  version: 6,
  migrations: settingsMigrations,
});

/** Changes some settings, keeping the rest as stored. */
export async function updateSettings(change: Partial<Settings>): Promise<void> {
  await settingsItem.update((current) => ({ ...current, ...change }));
}

/** The origin of a URL when it is one of the dashboards watched, else null. */
export function dashboardOriginOf(url: string | undefined, settings: Settings): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return dashboardsOf(settings).some((dashboard) => dashboard.origin === origin) ? origin : null;
  } catch {
    return null;
  }
}
