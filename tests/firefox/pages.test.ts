/** The extension's own pages in a real Firefox: popup, options, the full page, the badge and its alarm, sign-out. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Dashboard } from './harness';
import { attributeOf, byTestId, clickTestId, countOf, eventually, startFirefoxSuite, textOf, typeInto } from './harness';
import { badgeInExtension, storeSettings } from '../tooling/page-steps';

const suite = await startFirefoxSuite();
after(() => suite.close());

/** The toolbar badge as the extension's own API reports it, read from one of its pages. */
const badge = (dashboard: Dashboard) => dashboard.inExtension(badgeInExtension);

test('the popup shows the active tenant\'s cost and API calls, under the tenant the person confirmed', async (t) => {
  const dashboard = await suite.dashboard(t);
  await dashboard.signIn(await dashboard.newPage(), 'belgo_admin');
  const popup = await dashboard.extensionPage('popup.html');
  await eventually(() => attributeOf(popup, 'popup-state', 'data-state'), 'ready');
  assert.equal(await textOf(popup, 'popup-total-cost'), 'R$ 27,02');
  assert.equal(await textOf(popup, 'popup-api-calls'), '120');
  // Confirmed by the person, not listed by the host: the id is all there is to name it by.
  assert.equal(await textOf(popup, 'popup-tenant'), 'BELGO-001');
});

test('a tenant switch in the options page reaches an open dashboard\'s modal and entry', async (t) => {
  const dashboard = await suite.dashboard(t);
  const page = await dashboard.newPage();
  // Support staff: their own tenant, and one they added by hand (admin v1 answers any tenant).
  await dashboard.signIn(page, 'belgo_admin');
  const ask = (request: Record<string, unknown>) =>
    dashboard.inExtension((r: Record<string, unknown>) => (globalThis as any).browser.runtime.sendMessage(r), request);
  assert.equal((await ask({ op: 'tenant.choose', tenantId: 'TECH-001' })).ok, true);
  assert.equal((await ask({ op: 'tenant.select', tenantId: 'BELGO-001' })).ok, true);
  await clickTestId(page, 'billing-sidebar-entry');
  await eventually(() => textOf(page, 'billing-total-cost'), 'R$ 27,02');
  assert.match((await textOf(page, 'billing-modal')) ?? '', /BELGO-001/);

  const options = await dashboard.extensionPage('options.html');
  await eventually(() => countOf(options, 'options-tenant-select'), 1);
  await options.select(byTestId('options-tenant-select'), 'TECH-001');
  await eventually(() => textOf(page, 'billing-total-cost'), 'R$ 41,50');
  assert.match((await textOf(page, 'billing-modal')) ?? '', /TECH-001/);
  await eventually(() => textOf(page, 'billing-sidebar-cost'), 'R$ 41,50');
});

test('"Abrir Painel Completo" opens the full page: timeline, budget, every invoice in pages', async (t) => {
  const dashboard = await suite.dashboard(t);
  const page = await dashboard.newPage();
  // Timeline, projections and invoices come only from the panel: a SUPER_ADMIN's family on the
  // seed host (admin v1 refuses them), with the token that has tenant claims.
  await dashboard.signIn(page, 'platform_admin', { token: 'legacy' });
  await clickTestId(page, 'billing-sidebar-entry');
  await eventually(() => textOf(page, 'billing-total-cost'), 'R$ 245,80');
  const full = await dashboard.tabOpenedBy(() => clickTestId(page, 'billing-open-full'), `billing.html#tenant=BELGO-001&dashboard=${encodeURIComponent(dashboard.replica.origin)}`);

  await eventually(() => textOf(full, 'full-tenant'), 'Belgo Arames');
  await eventually(() => textOf(full, 'billing-total-cost'), 'R$ 245,80');
  await eventually(() => textOf(full, 'billing-simulated'), 'Valores simulados: o próprio servidor marca estes números como simulação, não como cobrança real');
  await eventually(() => attributeOf(full, 'full-timeline', 'data-points'), '31');
  assert.equal(await countOf(full, 'full-timeline-bar'), 31);
  // The timeline's table is for screen readers only: none of it, its caption included, is on screen.
  const captionOnScreen = await full.evaluate(() => {
    const caption = document.querySelector('[data-testid="full-timeline-table"] caption')!;
    caption.scrollIntoView({ block: 'center' });
    const box = caption.getBoundingClientRect();
    return caption.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
  });
  assert.equal(captionOnScreen, false);
  await eventually(() => textOf(full, 'full-budget-text'), '49% de R$ 500,00 usados · R$ 245,80');
  await eventually(() => textOf(full, 'full-invoices-page'), 'Página 1 de 5');
  const rows = () => full.$$eval(`${byTestId('full-invoices-screen')} [data-testid="billing-invoice-row"]`, (found) => found.length);
  assert.equal(await rows(), 10);
  await clickTestId(full, 'full-invoices-next');
  await eventually(() => textOf(full, 'full-invoices-page'), 'Página 2 de 5');
  assert.equal(await rows(), 10);
});

test('the badge shows the cost in the budget\'s colour, alerts once, and its alarm follows the refresh interval', async (t) => {
  const dashboard = await suite.dashboard(t);
  // Only the panel names a budget: a SUPER_ADMIN's family on the seed host, with the token that
  // has tenant claims.
  await dashboard.signIn(await dashboard.newPage(), 'platform_admin', { token: 'legacy' });
  // seed: R$ 245,80 of the host's R$ 500,00 budget (49%, under the 80% threshold).
  await eventually(() => badge(dashboard), { text: '246', color: '#16a34a' });
  // The alarm's period beside the stored interval: a failure says which of the two lagged.
  const interval = () => dashboard.inExtension(async () => {
    const { alarms, storage } = (globalThis as any).browser;
    return { alarm: (await alarms.get('badge-refresh'))?.periodInMinutes, stored: (await storage.local.get('settings')).settings?.refreshMinutes };
  });
  await eventually(interval, { alarm: 5, stored: 5 });

  // The interval first: once the alert is up, Firefox's alert window can take the window's
  // activation while a field is being typed in, and then no change event ever fires for it.
  const options = await dashboard.extensionPage('options.html');
  await typeInto(options, '#refresh-minutes', '2');
  await eventually(interval, { alarm: 2, stored: 2 });

  await typeInto(options, byTestId('options-budget'), '200');
  await eventually(() => badge(dashboard), { text: '246', color: '#dc2626' });
  // This test's alerts: the earlier tests' (their own dashboards') may still be up.
  const notifications = async () =>
    (await dashboard.inExtension(async () => Object.keys(await (globalThis as any).browser.notifications.getAll()))).filter((id) =>
      id.includes(`|${dashboard.replica.origin}|`),
    );
  // One alert per tenant over the budget, BELGO-001's among them: the options page's "Silenciar
  // este mês" reads every tenant's alerts, and each tenant's figures are checked as they arrive.
  await eventually(async () => (await notifications()).some((id) => id.includes('|BELGO-001|')), true);
  const tenantOf = (id: string) => id.split('|')[3];
  assert.equal(new Set((await notifications()).map(tenantOf)).size, (await notifications()).length);

  // Alerts once: the person dismisses them, and a repaint over a budget changed again (R$ 245,80 of
  // R$ 150,00: the title says 164%) brings no new one.
  await dashboard.inExtension(async () => {
    const { notifications: shown } = (globalThis as any).browser;
    for (const id of Object.keys(await shown.getAll())) await shown.clear(id);
  });
  await eventually(async () => (await notifications()).length, 0);
  await dashboard.inExtension(storeSettings, { budgetCents: 15_000 });
  await eventually(async () => (await dashboard.inExtension(() => (globalThis as any).browser.action.getTitle({}))).includes('164%'), true);
  assert.equal((await notifications()).length, 0);
});

test('the host\'s own sign-out reaches the extension: popup signed out, badge empty', async (t) => {
  const dashboard = await suite.dashboard(t);
  const page = await dashboard.newPage();
  await dashboard.signIn(page, 'belgo_admin');
  await eventually(async () => (await badge(dashboard)).text, '27');
  await page.bringToFront();
  await Promise.all([page.waitForNavigation(), page.click('.logout-btn')]);
  assert.match(page.url(), /\/login$/);
  const popup = await dashboard.extensionPage('popup.html');
  await eventually(() => attributeOf(popup, 'popup-state', 'data-state'), 'signedOut');
  await eventually(async () => (await badge(dashboard)).text, '');
});
