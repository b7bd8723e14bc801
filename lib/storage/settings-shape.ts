/**
 * What the settings are, without WXT's storage: lib/storage/settings.ts defines the storage items (with
 * their migrations) over these, and lib/storage/content-script-read.ts reads them where WXT's storage is
 * too heavy to ship (the content script).
 */
import type { Language } from '@/lib/i18n/catalog';

/** The storage.local keys of the items in lib/settings.ts. */
export const SETTINGS_KEY = 'settings';
export const TENANT_CHOICES_KEY = 'tenantChoices';

export const DEFAULT_DASHBOARD_ORIGIN = 'http://localhost:9001';

export interface Settings {
  /** The dashboard's origin, e.g. "http://localhost:9001" (no path, no trailing slash). */
  dashboardOrigin: string;
  /** How old cached figures may get before they are refreshed, in minutes. */
  refreshMinutes: number;
  /** The person's own monthly budget in cents of the data's currency; null: the host's, if any. */
  budgetCents: number | null;
  /** Share of the budget (%) at which the badge turns amber and one alert is shown. */
  alertPercent: number;
  /** The UI language: the browser's, or one the person chose. */
  language: 'auto' | Language;
}

export const DEFAULT_SETTINGS: Settings = {
  dashboardOrigin: DEFAULT_DASHBOARD_ORIGIN,
  refreshMinutes: 5,
  budgetCents: null,
  alertPercent: 80,
  language: 'auto',
};

/**
 * The range of each number a person sets: the options page's inputs take their min and max from
 * here, and a stored value outside it reads as the default (lib/storage/settings.ts).
 */
export const SETTING_BOUNDS = {
  /** Minutes between refreshes: at least one (the badge's alarm period), at most an hour. */
  refreshMinutes: { min: 1, max: 60 },
  /** Percent of the budget at which the alert comes. */
  alertPercent: { min: 1, max: 100 },
  /** The person's budget in cents: above zero (empty means the host's), at most 1e12 units. */
  budgetCents: { min: 1, max: 100_000_000_000_000 },
} as const;
