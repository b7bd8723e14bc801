import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

describe('settings migrations', () => {
  it('v1 settings (no budget) become v2 with no personal budget and an 80% alert, keeping the rest', async () => {
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
    });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 2 });
  });

  it('a fresh install reads the defaults', async () => {
    vi.resetModules();
    const { settingsItem, DEFAULT_SETTINGS } = await import('@/lib/settings');
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.dashboardOrigin).toBe('http://localhost:9001');
  });
});
