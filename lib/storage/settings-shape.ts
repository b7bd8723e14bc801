/**
 * The settings' defaults and bounds, without zod or WXT's storage: lib/storage/settings.ts
 * defines the item (schema, migrations) over these, and lib/storage/content-script-read.ts reads
 * it where neither is light enough to ship (the content script). `Settings` is the schema's type,
 * imported as a type only, so nothing of zod comes with it.
 */
import type { Settings } from '@/lib/storage/settings';

/** The storage.local keys of the settings and tenant-choices items. */
export const SETTINGS_KEY = 'settings';
export const TENANT_CHOICES_KEY = 'tenantChoices';

export const DEFAULT_DASHBOARD_ORIGIN = 'http://localhost:9001';

export const DEFAULT_SETTINGS: Settings = {
  dashboardOrigin: DEFAULT_DASHBOARD_ORIGIN,
  refreshMinutes: 5,
  budgetCents: null,
  budgetLevels: [50, 80, 100],
  alertKinds: { budget: true, estimate: true, quota: true },
  tenantBudgets: [],
  language: 'auto',
};

/**
 * The range of each number a person sets: the options page's inputs take their min and max from
 * here, and a stored value outside it reads as the default (lib/storage/settings.ts).
 */
export const SETTING_BOUNDS = {
  /** Minutes between refreshes: at least one (the badge's alarm period), at most an hour. */
  refreshMinutes: { min: 1, max: 60 },
  /** A budget level (% of the budget) at which an alert comes: above 100 warns of an overrun. */
  budgetLevel: { min: 1, max: 500 },
  /** How many budget levels a person may set, and budgets of their own for how many tenants. */
  budgetLevelCount: { min: 1, max: 6 },
  tenantBudgetCount: { min: 0, max: 200 },
  /** The person's budget in cents: above zero (empty means the host's), at most 1e12 units. */
  budgetCents: { min: 1, max: 100_000_000_000_000 },
} as const;
