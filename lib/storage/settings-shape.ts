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
  // The default address is the one dashboard (dashboardsOf) until the person adds another.
  dashboards: [],
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
  /** Dashboards watched at once, and the length of a name given to one. */
  dashboardCount: { min: 0, max: 10 },
  dashboardName: { min: 0, max: 60 },
  /** The person's budget in cents: above zero (empty means the host's), at most 1e12 units. */
  budgetCents: { min: 1, max: 100_000_000_000_000 },
} as const;

export type Dashboard = Settings['dashboards'][number];

/**
 * The dashboards watched, the chosen one (dashboardOrigin) always among them: a value written
 * field by field (an older release's, a test's) never leaves the chosen one unwatched.
 */
export function dashboardsOf(settings: Pick<Settings, 'dashboards' | 'dashboardOrigin'>): Dashboard[] {
  const { dashboards, dashboardOrigin } = settings;
  if (!dashboardOrigin || dashboards.some((d) => d.origin === dashboardOrigin)) return dashboards;
  return [{ name: '', origin: dashboardOrigin }, ...dashboards];
}

/** A dashboard's name for people: the one given to it, else its address without the scheme. */
export const dashboardName = (dashboard: Dashboard): string => dashboard.name || dashboard.origin.replace(/^https?:\/\//, '');
