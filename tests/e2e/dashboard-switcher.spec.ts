/**
 * The popup's dashboard switcher (#26), in real Chromium: two replicas on two ports, belgo_admin
 * signed in on one ("Produção") and tech_admin on the other ("Homologação"). The switcher lists
 * both, each with its own tenant and cost; choosing one makes the popup, the badge and its
 * tooltip follow; with one dashboard left the switcher goes and the other keeps working. The
 * replicas' request logs show no person's token ever sent to the other origin.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Replica } from '../replica/server';
import { storeSettings } from '../tooling/page-steps';
import { PRODUCTION, STAGING, expectTokensApart, twoDashboards } from './two-dashboards';

// Admin v1 answers on today's host: BELGO-001 and TECH-001 have figures of their own.
test.use({ hostState: 'today' });

/** "R$ 27,02", as Intl writes it (a no-break space). */
const reais = (text: string) => text.replace(' ', '\u00a0');

/** The toolbar badge's text and tooltip, as the browser has them. */
const toolbar = (background: Worker): Promise<{ text: string; title: string }> =>
  background.evaluate(async () => {
    const action = (globalThis as any).chrome.action;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });

async function expectPopupFigures(popup: Page, tenant: string, cost: string): Promise<void> {
  await expect(popup.getByTestId('popup-tenant')).toHaveText(tenant);
  await expect(popup.getByTestId('popup-total-cost')).toHaveText(reais(cost));
}

test('the popup switches between two dashboards, each with its own figures; the badge and its tooltip follow; one removed, the switcher goes', async ({
  context, replica, background, extensionPage,
}) => {
  test.setTimeout(120_000);
  const two = await twoDashboards(context, background, replica);
  try {
    const { A, B } = two;
    const popup = await extensionPage('popup.html');
    await expectPopupFigures(popup, 'BELGO-001', 'R$ 27,02');
    const select = popup.getByTestId('popup-dashboard-select');
    // Each entry its own dashboard's tenant and cost; the chosen one selected.
    await expect(select.locator('option')).toHaveText([
      reais(`${PRODUCTION} — BELGO-001: R$ 27,02`),
      reais(`${STAGING} — TECH-001: R$ 41,50`),
    ]);
    await expect(select).toHaveValue(A);
    await expect(popup.getByLabel('Dashboard Agile')).toHaveValue(A);
    // WCAG 2.2 AA as axe-core measures it, the switcher shown, in the light and the dark theme.
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page: popup }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }

    // B chosen: the popup, the badge and its tooltip speak of TECH-001 at Homologação.
    await select.selectOption(B);
    await expectPopupFigures(popup, 'TECH-001', 'R$ 41,50');
    await expect.poll(() => toolbar(background)).toEqual({
      text: '42',
      title: expect.stringMatching(/^Billing e Usage — TECH-001\nDashboard Agile: Homologação\n.*R\$\u00a041,50/),
    });

    // A again: BELGO-001's.
    await select.selectOption(A);
    await expectPopupFigures(popup, 'BELGO-001', 'R$ 27,02');
    await expect.poll(() => toolbar(background)).toEqual({
      text: '27',
      title: expect.stringMatching(/^Billing e Usage — BELGO-001\nDashboard Agile: Produção\n.*R\$\u00a027,02/),
    });
    await expect(select).toHaveValue(A);

    // B removed: no switcher, no dashboard named in the tooltip; A keeps working, refreshed from its host.
    await background.evaluate(storeSettings, { dashboards: [{ name: PRODUCTION, origin: A }] });
    await expect(select).toHaveCount(0);
    await expect.poll(async () => (await toolbar(background)).title).toMatch(/^Billing e Usage — BELGO-001\n(?!Painel)/);
    const heardByA = replica.requests.list().length;
    await popup.getByTestId('popup-refresh').click();
    await expect.poll(() => replica.requests.list().length).toBeGreaterThan(heardByA);
    await expectPopupFigures(popup, 'BELGO-001', 'R$ 27,02');

    // Request by request: each replica heard its own person's token only, the switcher's requests included.
    await expectTokensApart(two, replica);
    const billingFor = (r: Replica, tenant: string) => r.requests.list().filter((e) => e.path.startsWith(`/api/v1/admin/billing/usage/${tenant}`));
    expect(billingFor(replica, 'TECH-001')).toEqual([]);
    expect(billingFor(two.second, 'BELGO-001')).toEqual([]);
  } finally {
    await two.close();
  }
});
