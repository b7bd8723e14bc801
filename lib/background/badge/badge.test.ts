/**
 * The toolbar badge as the background paints it: the person of the dashboard tab in front (a
 * container's, a private window's), else of the normal windows; nothing painted or notified for
 * a person no longer signed in, however slow the browser's calls.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { followActiveTab, refreshBadge } from '@/lib/background/badge/badge';
import { forgetCache } from '@/lib/background/billing/cache';
import type { Caller } from '@/lib/background/sender';
import { report, setUpRouterTests, tabInFront, withTenantClaim } from '@/lib/background/router.support';
import { t } from '@/lib/i18n';
import { budgetAlertsShownItem } from '@/lib/storage/budget-alerts-shown';
import { updateSettings } from '@/lib/storage/settings';
import { ORIGIN, deferred, mintJwt } from '@/tests/support/fake-host';
import { installI18nStub } from '@/tests/support/i18n-stub';

setUpRouterTests();

const CONTAINER: Caller = { kind: 'dashboard', place: { origin: ORIGIN, store: 'firefox-container-2' }, tabId: 3 };
const title = () => browser.action.getTitle({});

beforeEach(async () => {
  installI18nStub('pt_BR');
  await report(withTenantClaim({ sub: 'belgo_admin' }), 'BELGO-001');
  await report(mintJwt({ sub: 'tech_admin', tenant_id: 'TECH-001' }), 'TECH-001', null, CONTAINER);
  return () => forgetCache(CONTAINER.place);
});

describe('the badge', () => {
  it('shows the person of the dashboard tab in front, and follows another container\'s tab brought to the front', async () => {
    tabInFront('https://elsewhere.example/', { cookieStoreId: 'firefox-container-2' });
    await refreshBadge('cached');
    expect(await title()).toMatch(/BELGO-001/);
    tabInFront(`${ORIGIN}/kanban`, { cookieStoreId: 'firefox-container-2' });
    await followActiveTab();
    expect(await title()).toMatch(/TECH-001/);
    expect(await browser.action.getBadgeText({})).toBe('27');
    // The same store in front again: nothing to repaint.
    const paint = vi.spyOn(browser.action, 'setTitle');
    await followActiveTab();
    expect(paint).not.toHaveBeenCalled();
  });

  it('a sign-out while the budget alert is being shown: no badge text, no tooltip and no alert for the one signed out afterwards', async () => {
    // A personal budget of R$ 20,00: belgo_admin's R$ 27,02 is over it, so the refresh alerts first.
    await updateSettings({ budgetCents: 2000 });
    tabInFront('https://elsewhere.example/');
    const creating = deferred();
    const release = deferred();
    const create = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
    vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(async (...args: any[]) => {
      creating.resolve();
      await release.promise;
      return (create as any)(...args);
    });
    const refreshing = refreshBadge('fresh');
    await creating.promise;
    // The host's sign-out, reported by the dashboard tab; the background repaints after every report.
    await report(null);
    await refreshBadge('cached');
    release.resolve();
    await refreshing;
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await title()).toBe(t('entryLabel'));
    expect(await browser.notifications.getAll()).toEqual({});
    expect((await budgetAlertsShownItem.getValue()).announced).toEqual({});
  });

  it('a sign-out between two of the badge\'s own calls: the rest of the old paint never lands', async () => {
    tabInFront('https://elsewhere.example/');
    const colouring = deferred();
    const release = deferred();
    const setColor = fakeBrowser.action.setBadgeBackgroundColor.bind(fakeBrowser.action);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockImplementationOnce(async (details) => {
      colouring.resolve();
      await release.promise;
      return setColor(details);
    });
    const refreshing = refreshBadge('cached');
    await colouring.promise;
    await report(null);
    await refreshBadge('cached');
    release.resolve();
    await refreshing;
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await title()).toBe(t('entryLabel'));
  });

  it('names the chosen dashboard in its tooltip when there are several, figures or not, and follows another choice', async () => {
    tabInFront('https://elsewhere.example/');
    await refreshBadge('cached');
    // One dashboard: nothing to tell apart.
    expect((await title()).split('\n')[1]).not.toMatch(/^Painel/);
    await updateSettings({ dashboards: [{ name: 'Produção', origin: ORIGIN }, { name: '', origin: 'http://localhost:9002' }] });
    await refreshBadge('cached');
    expect((await title()).split('\n').slice(0, 2)).toEqual(['Billing e Usage — BELGO-001', 'Dashboard Agile: Produção']);
    // The other one, where nobody signed in: no figures, still named (by its address, having no name).
    await updateSettings({ dashboardOrigin: 'http://localhost:9002' });
    await refreshBadge('cached');
    expect(await title()).toBe('Billing e Usage\nDashboard Agile: http://localhost:9002');
    expect(await browser.action.getBadgeText({})).toBe('');
  });
});
