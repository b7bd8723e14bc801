/**
 * The settings item: its migrations, each field read on its own (one that does not fit reads as
 * its default, the others are kept), and a change that keeps the rest as stored.
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { BADGE_ALARM, scheduleBadge } from '@/lib/background/badge/badge';
import { slowStorageReads } from '@/tests/support/slow-storage';

/** The item as a new start of the extension defines it (and migrates what is stored). */
async function freshSettings() {
  vi.resetModules();
  return import('@/lib/storage/settings');
}

/** Stores `settings` as the current version wrote them. */
const storeCurrent = (settings: unknown) => fakeBrowser.storage.local.set({ settings, settings$: { v: 6 } });

/** What version 5 added, as a migration from an 80% alert gives it. */
const V5_FROM_80 = { budgetLevels: [80, 100], alertKinds: { budget: true, estimate: true, quota: true }, tenantBudgets: [] };
/** What version 6 added: the one address as the list of dashboards. */
const dashboardsOf = (origin: string) => ({ dashboards: [{ name: '', origin }] });

describe('settings migrations', () => {
  it('v1 settings (no budget) become v6: no personal budget, alerts at 80% and 100%, the browser\'s language, no profile-wide tenants, one dashboard', async () => {
    await fakeBrowser.storage.local.set({
      settings: { dashboardOrigin: 'https://dash.example.com', refreshMinutes: 15, extraTenantIds: ['TECH-001'] },
      settings$: { v: 1 },
    });
    const { settingsItem } = await freshSettings();
    expect(await settingsItem.getValue()).toEqual({
      dashboardOrigin: 'https://dash.example.com',
      refreshMinutes: 15,
      budgetCents: null,
      language: 'auto',
      ...V5_FROM_80,
      ...dashboardsOf('https://dash.example.com'),
    });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 6 });
  });

  it('v2 settings keep their budget and gain the language choice', async () => {
    const v2 = { dashboardOrigin: 'http://localhost:9001', refreshMinutes: 5, budgetCents: 50000 };
    await fakeBrowser.storage.local.set({ settings: { ...v2, alertPercent: 90, extraTenantIds: [] }, settings$: { v: 2 } });
    const { settingsItem } = await freshSettings();
    expect(await settingsItem.getValue()).toEqual({ ...v2, language: 'auto', ...V5_FROM_80, budgetLevels: [90, 100], ...dashboardsOf(v2.dashboardOrigin) });
  });

  it('v3 settings drop the tenant ids typed for the whole profile: the next person must not inherit them', async () => {
    const v3 = { dashboardOrigin: 'http://localhost:9001', refreshMinutes: 5, budgetCents: null, language: 'en' };
    await fakeBrowser.storage.local.set({ settings: { ...v3, alertPercent: 80, extraTenantIds: ['TECH-001'] }, settings$: { v: 3 } });
    const { settingsItem } = await freshSettings();
    expect(await settingsItem.getValue()).toEqual({ ...v3, ...V5_FROM_80, ...dashboardsOf(v3.dashboardOrigin) });
  });

  it("v4's single alert percentage becomes the budget levels it and 100%, with every kind of alert and no tenant budgets", async () => {
    const v4 = { dashboardOrigin: 'http://localhost:9001', refreshMinutes: 5, budgetCents: 3_000, language: 'pt-BR' };
    await fakeBrowser.storage.local.set({ settings: { ...v4, alertPercent: 65 }, settings$: { v: 4 } });
    const { settingsItem } = await freshSettings();
    expect(await settingsItem.getValue()).toEqual({ ...v4, ...V5_FROM_80, budgetLevels: [65, 100], ...dashboardsOf(v4.dashboardOrigin) });
    // 100% alone stays one level: levels are ascending without repeats.
    await fakeBrowser.storage.local.set({ settings: { ...v4, alertPercent: 100 }, settings$: { v: 4 } });
    expect(await (await freshSettings()).settingsItem.getValue()).toMatchObject({ budgetLevels: [100] });
  });

  it("v5's one address becomes the list of dashboards, unnamed, and stays the chosen one", async () => {
    const { dashboards: _none, ...v5 } = { ...(await freshSettings()).DEFAULT_SETTINGS, dashboardOrigin: 'https://prod.example.com' };
    await fakeBrowser.storage.local.set({ settings: v5, settings$: { v: 5 } });
    const { settingsItem } = await freshSettings();
    expect(await settingsItem.getValue()).toEqual({ ...v5, ...dashboardsOf('https://prod.example.com') });
  });

  it('a fresh install reads the defaults, and its first save is stamped current so no migration undoes it', async () => {
    const first = await freshSettings();
    expect(await first.settingsItem.getValue()).toEqual(first.DEFAULT_SETTINGS);
    await first.updateSettings({ budgetCents: 12_345, budgetLevels: [95] });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 6 });
    // The next start (a new service worker) reads the saved budget, not a migration's defaults.
    const next = await freshSettings();
    expect(await next.settingsItem.getValue()).toEqual({ ...first.DEFAULT_SETTINGS, budgetCents: 12_345, budgetLevels: [95] });
  });
});

describe('a stored value that does not fit', () => {
  it('settings without refreshMinutes read with the default interval, so the alarm gets a period', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await storeCurrent({ dashboardOrigin: 'https://dash.example.com', budgetCents: 50000, budgetLevels: [90], language: 'en' });
    const { DEFAULT_SETTINGS, settingsItem } = await freshSettings();
    const settings = await settingsItem.getValue();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, dashboardOrigin: 'https://dash.example.com', budgetCents: 50000, budgetLevels: [90], language: 'en' });
    expect(warn).toHaveBeenCalledOnce();
    await scheduleBadge(settings.refreshMinutes);
    expect((await browser.alarms.get(BADGE_ALARM))?.periodInMinutes).toBe(DEFAULT_SETTINGS.refreshMinutes);
  });

  it('a non-string dashboardOrigin reads as the default origin, the other fields kept', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await storeCurrent({ dashboardOrigin: 9001, refreshMinutes: 15, budgetCents: null, language: 'auto' });
    const { DEFAULT_DASHBOARD_ORIGIN, settingsItem } = await freshSettings();
    expect(await settingsItem.getValue()).toMatchObject({ dashboardOrigin: DEFAULT_DASHBOARD_ORIGIN, refreshMinutes: 15 });
  });

  it('a number outside its bounds, or a language not shipped, reads as its default', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await storeCurrent({ dashboardOrigin: 'http://localhost:9001', refreshMinutes: 0, budgetCents: -5, budgetLevels: [80, 50], language: 'fr' });
    const { DEFAULT_SETTINGS, settingsItem } = await freshSettings();
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('a stored dashboard whose address is no bare origin is not believed: the list reads as the default', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { DEFAULT_SETTINGS } = await freshSettings();
    for (const origin of ['https://dash.example.com/kanban', 'javascript:alert(1)', 'https://user:pw@dash.example.com']) {
      await storeCurrent({ ...DEFAULT_SETTINGS, dashboards: [{ name: 'x', origin }] });
      const { settingsItem } = await freshSettings();
      expect((await settingsItem.getValue()).dashboards).toEqual(DEFAULT_SETTINGS.dashboards);
    }
  });

  it('a value that is no settings at all reads as the defaults', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await storeCurrent('dashboard');
    const { DEFAULT_SETTINGS, settingsItem } = await freshSettings();
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('updateSettings', () => {
  it('two changes at once both stay', async () => {
    const { DEFAULT_SETTINGS, settingsItem, updateSettings } = await freshSettings();
    slowStorageReads('local');
    await Promise.all([updateSettings({ refreshMinutes: 15 }), updateSettings({ language: 'en' })]);
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, refreshMinutes: 15, language: 'en' });
  });
});

describe('dashboardsOf and dashboardOriginOf', () => {
  it('keeps the chosen dashboard among those watched, and believes no other origin', async () => {
    const { DEFAULT_SETTINGS, dashboardsOf, dashboardOriginOf } = await freshSettings();
    const settings = { ...DEFAULT_SETTINGS, dashboards: [{ name: 'Staging', origin: 'http://localhost:9002' }] };
    expect(dashboardsOf(settings).map((d) => d.origin)).toEqual(['http://localhost:9001', 'http://localhost:9002']);
    expect(dashboardOriginOf('http://localhost:9002/kanban', settings)).toBe('http://localhost:9002');
    expect(dashboardOriginOf('http://localhost:9003/', settings)).toBeNull();
    // No dashboard at all: nothing is one.
    expect(dashboardOriginOf('http://localhost:9001/', { ...settings, dashboards: [], dashboardOrigin: '' })).toBeNull();
  });
});
