/** The content script's storage-free view of the settings (lib/storage/content-script-read.ts). */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readSettings, watchTenantChoices, watchSettings } from '@/lib/storage/content-script-read';
import { DEFAULT_SETTINGS, dashboardsOf, settingsMigrations } from '@/lib/storage/settings';

const v1 = { dashboardOrigin: 'https://dash.example.com', refreshMinutes: 15, extraTenantIds: ['TECH-001'] };

describe('stored settings, read without WXT storage', () => {
  it('reads a fresh install as the defaults', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads the fields the page uses of a value not yet migrated as its migrations would make them', async () => {
    const v2 = settingsMigrations[2](v1);
    const v3 = settingsMigrations[3](v2);
    const v4 = settingsMigrations[4](v3);
    const v5 = settingsMigrations[5](v4);
    const { dashboardOrigin, language, refreshMinutes } = settingsMigrations[6](v5);
    for (const [stored, version] of [[v1, 1], [v2, 2], [v3, 3], [v4, 4], [v5, 5]] as const) {
      await fakeBrowser.storage.local.set({ settings: stored, settings$: { v: version } });
      // Fields a migration drops may still be stored: only the settings' own fields are read.
      const read = await readSettings();
      expect(read).toMatchObject({ dashboardOrigin, language, refreshMinutes });
      // Before version 6 there was one address: the page's list of dashboards is that one.
      expect(dashboardsOf(read).map((d) => d.origin)).toEqual([dashboardOrigin]);
    }
  });

  it('reads a field stored with another type than its default\'s as the default: a non-string dashboardOrigin', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, dashboardOrigin: 9001, budgetCents: 50_000, language: 'en' } });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, budgetCents: 50_000, language: 'en' });
    await fakeBrowser.storage.local.set({ settings: 'dashboard' });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reports changed settings, not a write of the same value', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS } });
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS } });
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, language: 'en' } });
    expect(seen.mock.calls).toEqual([[{ ...DEFAULT_SETTINGS, language: 'en' }]]);
    stop();
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, language: 'pt_BR' } });
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('reports a tenant switch', async () => {
    const seen = vi.fn();
    const stop = watchTenantChoices(seen);
    await fakeBrowser.storage.local.set({ tenantChoices: { 'http://localhost:9001 belgo_admin': { chosen: [], active: 'TECH-001' } } });
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, refreshMinutes: 9 } });
    expect(seen).toHaveBeenCalledTimes(1);
    stop();
  });
});
