/**
 * A read-only view of the stored settings, straight from storage.local, for the content script:
 * zod and the migrations stay out of the script every dashboard page loads. The item itself, its
 * schema and migrations are lib/storage/settings.ts (the background runs the migrations at start-up); a value still at an
 * older version reads as its migrations would make the fields the page uses (the address, the
 * language), which no migration changes; the budgets that version 5 reshaped are not read here.
 */
import { browser } from 'wxt/browser';
import { watchKey } from '@/lib/storage/area';
// A type only: nothing of the item's module (zod, the migrations) comes with it.
import type { Settings } from '@/lib/storage/settings';
import { DEFAULT_SETTINGS, SETTINGS_KEY, TENANT_CHOICES_KEY } from '@/lib/storage/settings-shape';

export { dashboardsOf } from '@/lib/storage/settings-shape';

/**
 * The stored settings over the defaults. Without zod, a cheap check in place of the schema: a
 * field stored with another type than its default's reads as the default (the budget, null by
 * default, is a number when set). The page uses the address and the language only, and the
 * background validates fully what it acts on.
 */
function withDefaults(stored: unknown): Settings {
  const fields: Record<string, unknown> = Object(stored);
  const fits = (value: unknown, fallback: unknown) =>
    typeof value === typeof fallback || (fallback === null && typeof value === 'number');
  const read = Object.entries(DEFAULT_SETTINGS).map(([key, fallback]) => [key, fits(fields[key], fallback) ? fields[key] : fallback]);
  return Object.fromEntries(read) as Settings;
}

export async function readSettings(): Promise<Settings> {
  return withDefaults((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Calls `onChange` with the new settings after each change; returns the way to stop. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return watchKey('local', SETTINGS_KEY, (value) => onChange(withDefaults(value)));
}

/** Calls `onChange` after each change of anyone's tenant choices; returns the way to stop. */
export function watchTenantChoices(onChange: () => void): () => void {
  return watchKey('local', TENANT_CHOICES_KEY, onChange);
}
