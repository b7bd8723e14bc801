/**
 * The alerts as the background announces them: one notification for what crossed at once, named
 * by the worst, with Chromium's buttons; once per tenant, period and level; from any surface's
 * answer, not only the badge's; the badge's colour and title follow the worst; a click opens the
 * full page at that tenant and month, "Silenciar este mês" silences it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { refreshBadge } from '@/lib/background/badge/badge';
import { checkAlertsOnEveryAnswer } from '@/lib/background/badge/alerts';
import { answerAlertClicks } from '@/lib/background/badge/alert-clicks';
import { billing, report, setUpRouterTests, tabInFront, withTenantClaim } from '@/lib/background/router.support';
import { budgetAlertsShownItem } from '@/lib/storage/budget-alerts-shown';
import { updateSettings } from '@/lib/storage/settings';
import { serially } from '@/lib/storage/stored-item';
import { ORIGIN, deferred, until } from '@/tests/support/fake-host';
import { installI18nStub } from '@/tests/support/i18n-stub';
import { NBSP } from '@/tests/support/usage';
import { monthOf } from '@/lib/billing/month';

setUpRouterTests();

const notifications = async () => Object.entries(await browser.notifications.getAll()) as unknown as [string, Record<string, any>][];
/** The badge's colour as #rrggbb (the fake browser answers it as RGBA numbers). */
const badgeColor = async () => {
  const color = (await browser.action.getBadgeBackgroundColor({})) as unknown as number[];
  return `#${color.slice(0, 3).map((c) => c.toString(16).padStart(2, '0')).join('')}`;
};
const MONTH = monthOf(new Date());
/** Only the budget: the LLM tokens of the fake host's Belgo are far over their plan. */
const BUDGET_ONLY = { budget: true, estimate: false, quota: false };

beforeEach(async () => {
  installI18nStub('pt_BR');
  tabInFront('https://elsewhere.example/');
  await report(withTenantClaim({ sub: 'belgo_admin' }), 'BELGO-001');
});

describe('the alerts', () => {
  it('R$ 27,02 of R$ 30,00: one alert for 80% and none for 100%; the badge amber, its title says why', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await updateSettings({ budgetCents: 3000, alertKinds: BUDGET_ONLY });
    await refreshBadge('cached');
    await refreshBadge('cached');
    expect(create).toHaveBeenCalledOnce();
    const [[id, shown]] = (await notifications()) as [[string, Record<string, any>]];
    expect(id).toContain('BELGO-001');
    expect(shown.title).toMatch(/ — Orçamento: 90% \(nível 80%\)$/);
    expect(shown.message).toBe(`Custo atual R$${NBSP}27,02 de um orçamento de R$${NBSP}30,00.`);
    expect(shown.buttons).toEqual([{ title: 'Ver detalhes' }, { title: 'Silenciar este mês' }]);
    expect(await badgeColor()).toBe('#d97706');
    expect(await browser.action.getTitle({})).toContain('\nOrçamento: 90% (nível 80%)');
    // Past the budget: the 100% once, and never the 80% again.
    await updateSettings({ budgetCents: 2500 });
    await refreshBadge('cached');
    await refreshBadge('cached');
    expect(create).toHaveBeenCalledTimes(2);
    expect((await notifications()).map(([, n]) => n.title)).toContainEqual(expect.stringMatching(/Orçamento: 108% \(nível 100%\)$/));
    expect(await badgeColor()).toBe('#dc2626');
    expect(Object.values((await budgetAlertsShownItem.getValue()).announced).map((a) => a.level)).toEqual([100]);
  });

  it('several at once: one notification naming the worst and counting the rest; the LLM quota over its plan turns the badge red', async () => {
    await updateSettings({ budgetCents: 3000 });
    await refreshBadge('cached');
    const [[, shown]] = (await notifications()) as [[string, Record<string, any>]];
    expect(shown.title).toMatch(/ — Tokens de LLM: 1\.050% do plano$/);
    expect(shown.message).toBe('1.050.000 de 100.000 tokens incluídos E mais 1 alerta.');
    expect(await badgeColor()).toBe('#dc2626');
    const title = await browser.action.getTitle({});
    expect(title.indexOf('Tokens de LLM: 1.050% do plano')).toBeLessThan(title.indexOf('Orçamento: 90% (nível 80%)'));
  });

  it('from the 7th of the month, the estimate too: "E mais 2 alertas"', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-20T12:00:00Z'));
    try {
      await report(withTenantClaim({ sub: 'belgo_admin' }), 'BELGO-001');
      await updateSettings({ budgetCents: 3000 });
      await refreshBadge('cached');
      const [[, shown]] = (await notifications()) as [[string, Record<string, any>]];
      expect(shown.title).toMatch(/ — Tokens de LLM: 1\.050% do plano$/);
      expect(shown.message).toBe('1.050.000 de 100.000 tokens incluídos E mais 2 alertas.');
      // R$ 27,02 in 20 days of 31: R$ 41,88, 140% of the budget.
      expect(await browser.action.getTitle({})).toContain('\nEstimativa do mês: 140% do orçamento\n');
    } finally {
      vi.useRealTimers();
    }
  });

  it("any surface's figures are checked, the badge's alarm or not; a person gone meanwhile gets none", async () => {
    checkAlertsOnEveryAnswer();
    await updateSettings({ budgetCents: 3000, alertKinds: BUDGET_ONLY });
    expect((await billing({ freshness: 'cached' })).ok).toBe(true);
    await until(async () => expect(await notifications()).toHaveLength(1));

    // Again, from the start, with the person signing out while the notification is being shown.
    await budgetAlertsShownItem.removeValue();
    await browser.notifications.clear((await notifications())[0]![0]);
    const creating = deferred();
    const release = deferred();
    const create = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
    vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(async (...args: any[]) => {
      creating.resolve();
      await release.promise;
      return (create as any)(...args);
    });
    await billing({ freshness: 'cached' });
    await creating.promise;
    await report(null);
    release.resolve();
    // The check under way has ended once the alerts' queue lets another through.
    await serially('alerts', async () => undefined);
    expect(await notifications()).toEqual([]);
    expect((await budgetAlertsShownItem.getValue()).announced).toEqual({});
  });

  it('a click on an alert of a dashboard removed since opens nothing and silences nothing', async () => {
    answerAlertClicks();
    const opened = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({ id: 7 } as never);
    await updateSettings({ budgetCents: 3000, alertKinds: BUDGET_ONLY });
    await refreshBadge('cached');
    const [id] = (await notifications())[0]!;
    await updateSettings({ dashboardOrigin: 'https://other.example.com' });
    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
    await fakeBrowser.notifications.onClicked.trigger(id!);
    await until(async () => expect(await notifications()).toEqual([]));
    // Once a macrotask has passed, both clicks have been handled.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(opened).not.toHaveBeenCalled();
    expect((await budgetAlertsShownItem.getValue()).silenced).toEqual([]);
  });

  it('a click opens the full page at that tenant, month and dashboard; "Silenciar este mês" stops the tenant\'s alerts this month', async () => {
    answerAlertClicks();
    const opened = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({ id: 7 } as never);
    await updateSettings({ budgetCents: 3000, alertKinds: BUDGET_ONLY });
    await refreshBadge('cached');
    const [id] = (await notifications())[0]!;
    await fakeBrowser.notifications.onClicked.trigger(id!);
    await until(() => expect(opened).toHaveBeenCalledWith({ url: browser.runtime.getURL(`/billing.html#tenant=BELGO-001&month=${MONTH}&dashboard=${encodeURIComponent(ORIGIN)}`) }));
    expect(await notifications()).toEqual([]);

    await updateSettings({ budgetCents: 2500 });
    await refreshBadge('cached');
    const [second] = (await notifications())[0]!;
    await fakeBrowser.notifications.onButtonClicked.trigger(second!, 1);
    await until(async () => expect((await budgetAlertsShownItem.getValue()).silenced).toEqual([`${ORIGIN} BELGO-001 ${MONTH}`]));
    expect(await notifications()).toEqual([]);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await updateSettings({ alertKinds: { budget: true, estimate: true, quota: true } });
    await refreshBadge('cached');
    expect(create).not.toHaveBeenCalled();
    // The badge still says where things stand.
    expect(await badgeColor()).toBe('#dc2626');
  });
});
