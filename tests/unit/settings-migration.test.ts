import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

describe('settings migrations', () => {
  it('v1 settings (no budget) become v3: no personal budget, an 80% alert, the browser\'s language', async () => {
    await fakeBrowser.storage.local.set({
      settings: { dashboardOrigin: 'https://dash.example.com', refreshMinutes: 15, extraTenantIds: ['TECH-001'] },
      settings$: { v: 1 },
    });
    vi.resetModules();
    const { settingsItem } = await import('@/lib/settings');
    expect(await settingsItem.getValue()).toEqual({
      dashboardOrigin: 'https://dash.example.com',
      refreshMinutes: 15,
      extraTenantIds: ['TECH-001'],
      budgetCents: null,
      alertPercent: 80,
      language: 'auto',
    });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 3 });
  });

  it('v2 settings keep their budget and gain the language choice', async () => {
    const v2 = { dashboardOrigin: 'http://localhost:9001', refreshMinutes: 5, extraTenantIds: [], budgetCents: 50000, alertPercent: 90 };
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    vi.resetModules();
    const { settingsItem } = await import('@/lib/settings');
    expect(await settingsItem.getValue()).toEqual({ ...v2, language: 'auto' });
  });

  it('a fresh install reads the defaults, and its first save is stamped current so no migration undoes it', async () => {
    vi.resetModules();
    const first = await import('@/lib/settings');
    expect(await first.settingsItem.getValue()).toEqual(first.DEFAULT_SETTINGS);
    await first.updateSettings({ budgetCents: 12_345, alertPercent: 95 });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 3 });
    // The next start (a new service worker) reads the saved budget, not a migration's defaults.
    vi.resetModules();
    const next = await import('@/lib/settings');
    expect(await next.settingsItem.getValue()).toEqual({ ...first.DEFAULT_SETTINGS, budgetCents: 12_345, alertPercent: 95 });
  });
});
