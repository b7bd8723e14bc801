/** The content script's storage-free view of the settings (lib/stored-settings.ts). */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readSettings, watchActiveTenants, watchSettings } from '@/lib/stored-settings';
import { DEFAULT_SETTINGS, settingsMigrations } from '@/lib/settings';

const v1 = { dashboardOrigin: 'https://dash.example.com', refreshMinutes: 15, extraTenantIds: ['TECH-001'] };

describe('stored settings, read without WXT storage', () => {
  it('reads a fresh install as the defaults', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a value not yet migrated as its migrations would make it', async () => {
    const v2 = settingsMigrations[2](v1);
    for (const [stored, version] of [[v1, 1], [v2, 2]] as const) {
      await fakeBrowser.storage.local.set({ settings: stored, settings$: { v: version } });
      const migrated = version === 1 ? settingsMigrations[3](settingsMigrations[2](v1)) : settingsMigrations[3](v2);
      expect(await readSettings()).toEqual(migrated);
    }
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
    const stop = watchActiveTenants(seen);
    await fakeBrowser.storage.local.set({ activeTenants: { 'http://localhost:9001': 'TECH-001' } });
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, refreshMinutes: 9 } });
    expect(seen).toHaveBeenCalledTimes(1);
    stop();
  });
});
