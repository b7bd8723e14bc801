import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

describe('settings migrations', () => {
  it('v1 settings (no budget) become v4: no personal budget, an 80% alert, the browser\'s language, no profile-wide tenants', async () => {
    await fakeBrowser.storage.local.set({
      settings: { dashboardOrigin: 'https://dash.example.com', refreshMinutes: 15, extraTenantIds: ['TECH-001'] },
      settings$: { v: 1 },
    });
    vi.resetModules();
    const { settingsItem } = await import('@/lib/storage/settings');
    expect(await settingsItem.getValue()).toEqual({
      dashboardOrigin: 'https://dash.example.com',
      refreshMinutes: 15,
      budgetCents: null,
      alertPercent: 80,
      language: 'auto',
    });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 4 });
  });

  it('v2 settings keep their budget and gain the language choice', async () => {
    const v2 = { dashboardOrigin: 'http://localhost:9001', refreshMinutes: 5, budgetCents: 50000, alertPercent: 90 };
    await fakeBrowser.storage.local.set({ settings: { ...v2, extraTenantIds: [] }, settings$: { v: 2 } });
    vi.resetModules();
    const { settingsItem } = await import('@/lib/storage/settings');
    expect(await settingsItem.getValue()).toEqual({ ...v2, language: 'auto' });
  });

  it('v3 settings drop the tenant ids typed for the whole profile: the next person must not inherit them', async () => {
    const v3 = { dashboardOrigin: 'http://localhost:9001', refreshMinutes: 5, budgetCents: null, alertPercent: 80, language: 'en' };
    await fakeBrowser.storage.local.set({ settings: { ...v3, extraTenantIds: ['TECH-001'] }, settings$: { v: 3 } });
    vi.resetModules();
    const { settingsItem } = await import('@/lib/storage/settings');
    expect(await settingsItem.getValue()).toEqual(v3);
  });

  it('a fresh install reads the defaults, and its first save is stamped current so no migration undoes it', async () => {
    vi.resetModules();
    const first = await import('@/lib/storage/settings');
    expect(await first.settingsItem.getValue()).toEqual(first.DEFAULT_SETTINGS);
    await first.updateSettings({ budgetCents: 12_345, alertPercent: 95 });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 4 });
    // The next start (a new service worker) reads the saved budget, not a migration's defaults.
    vi.resetModules();
    const next = await import('@/lib/storage/settings');
    expect(await next.settingsItem.getValue()).toEqual({ ...first.DEFAULT_SETTINGS, budgetCents: 12_345, alertPercent: 95 });
  });
});
