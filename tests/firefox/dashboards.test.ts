/**
 * Several dashboards at once (#26) in a real Firefox: two replicas on two ports of localhost,
 * belgo_admin signed in on one and tech_admin on the other. Firefox's match patterns have no
 * port, so the one registration runs the script on both and each tab's origin decides which
 * dashboard it is (entrypoints/dashboard.content). Each tab shows its own dashboard's figures,
 * and the replicas' request logs (each request's token as a digest) show no person's token ever
 * sent to the other origin. The popup's switcher lists both, each with its own figures; choosing
 * one makes the popup, the badge and its tooltip follow; one removed, the switcher goes.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { clickTestId, countOf, eventually, startFirefoxSuite, textOf } from './harness';
import { storeSettings } from '../tooling/page-steps';
import { tokenDigest, type Replica } from '../replica/server';

const suite = await startFirefoxSuite();
after(() => suite.close());

/** The digests of every token a replica heard, each once. */
const tokensHeard = (replica: Replica): string[] => [
  ...new Set(replica.requests.list().flatMap((r) => (r.tokenDigest === null ? [] : [r.tokenDigest]))),
];

/** The tab's overlay shows `tenant`'s figures: the sidebar's cost, then the modal's tenant and total. */
async function showsFigures(page: Page, tenant: string, cost: string): Promise<void> {
  await eventually(() => textOf(page, 'billing-sidebar-cost'), cost);
  await clickTestId(page, 'billing-sidebar-entry');
  await eventually(() => textOf(page, 'billing-total-cost'), cost);
  assert.equal(await textOf(page, 'billing-modal-tenant'), tenant);
  await page.keyboard.press('Escape');
  await eventually(() => countOf(page, 'billing-modal'), 0);
}

const SWITCHER = '[data-testid="popup-dashboard-select"]';

/** The switcher's entries as a person reads them (white space collapsed: Intl's are no-break). */
const entriesOf = (popup: Page): Promise<string[]> =>
  popup.$$eval(`${SWITCHER} option`, (options) => options.map((o) => (o.textContent ?? '').replace(/\s+/g, ' ').trim()));

/** The popup shows `tenant`'s figures. */
async function popupShows(popup: Page, tenant: string, cost: string): Promise<void> {
  await eventually(() => textOf(popup, 'popup-tenant'), tenant);
  await eventually(() => textOf(popup, 'popup-total-cost'), cost);
}

test('two dashboards, a different person at each: each tab its own figures, the popup switches between them, and no token sent to the other origin', async (t) => {
  // Admin v1 answers on today's host: BELGO-001 and TECH-001 have figures of their own.
  const first = await suite.dashboard(t, { state: 'today' });
  const second = await suite.dashboard(t, { state: 'today' });
  const [A, B] = [first.replica.origin, second.replica.origin];
  await first.inExtension(storeSettings, { dashboards: [{ name: 'Produção', origin: A }, { name: 'Homologação', origin: B }], dashboardOrigin: A });

  // Each sign-in's tenant confirmation goes through an extension page, which speaks for the
  // chosen dashboard: A's before A's sign-in, B's before B's.
  const pageA = await first.newPage();
  await first.signIn(pageA, 'belgo_admin');
  await first.inExtension(storeSettings, { dashboardOrigin: B });
  const pageB = await second.newPage();
  await second.signIn(pageB, 'tech_admin');

  await showsFigures(pageA, 'BELGO-001', 'R$ 27,02');
  await showsFigures(pageB, 'TECH-001', 'R$ 41,50');
  // A's tab after B's sign-in, reloaded: still A's person.
  await pageA.reload();
  await showsFigures(pageA, 'BELGO-001', 'R$ 27,02');

  const digestOf = async (page: Page) => tokenDigest((await page.evaluate(() => localStorage.getItem('auth_token')))!);
  const [digestA, digestB] = [await digestOf(pageA), await digestOf(pageB)];
  assert.notEqual(digestA, digestB);
  assert.deepEqual(tokensHeard(first.replica), [digestA]);
  assert.deepEqual(tokensHeard(second.replica), [digestB]);
  const billingFor = (replica: Replica, tenant: string) => replica.requests.count(`/api/v1/admin/billing/usage/${tenant}`);
  assert.ok(billingFor(first.replica, 'BELGO-001') > 0, 'the extension asked A for BELGO-001');
  assert.ok(billingFor(second.replica, 'TECH-001') > 0, 'the extension asked B for TECH-001');
  assert.equal(billingFor(first.replica, 'TECH-001'), 0);
  assert.equal(billingFor(second.replica, 'BELGO-001'), 0);

  // The popup's switcher: both dashboards, each with its own tenant and cost, A chosen.
  await first.inExtension(storeSettings, { dashboardOrigin: A });
  const popup = await first.extensionPage('popup.html');
  await popupShows(popup, 'BELGO-001', 'R$ 27,02');
  await eventually(() => entriesOf(popup), ['Produção — BELGO-001: R$ 27,02', 'Homologação — TECH-001: R$ 41,50']);
  assert.equal(await popup.$eval(SWITCHER, (select) => (select as HTMLSelectElement).value), A);
  const toolbar = () => first.inExtension(async () => {
    const action = (globalThis as any).browser.action;
    return { text: await action.getBadgeText({}), head: (await action.getTitle({})).split('\n').slice(0, 2) };
  });

  // B chosen: the popup, the badge and its tooltip follow; then A again.
  await popup.bringToFront();
  await popup.select(SWITCHER, B);
  await popupShows(popup, 'TECH-001', 'R$ 41,50');
  await eventually(toolbar, { text: '42', head: ['Billing e Usage — TECH-001', 'Dashboard Agile: Homologação'] });
  await popup.select(SWITCHER, A);
  await popupShows(popup, 'BELGO-001', 'R$ 27,02');
  await eventually(toolbar, { text: '27', head: ['Billing e Usage — BELGO-001', 'Dashboard Agile: Produção'] });

  // B removed: no switcher, no dashboard named in the tooltip; A keeps working, refreshed from its host.
  await first.inExtension(storeSettings, { dashboards: [{ name: 'Produção', origin: A }] });
  await eventually(async () => (await popup.$(SWITCHER)) === null, true);
  await eventually(async () => (await toolbar()).head[1]!.startsWith('Painel'), false);
  const heardByA = first.replica.requests.list().length;
  await clickTestId(popup, 'popup-refresh');
  await eventually(async () => first.replica.requests.list().length > heardByA, true);
  await popupShows(popup, 'BELGO-001', 'R$ 27,02');

  // Still no token sent to the other origin, the switcher's requests included.
  assert.deepEqual(tokensHeard(first.replica), [digestA]);
  assert.deepEqual(tokensHeard(second.replica), [digestB]);
  assert.equal(billingFor(first.replica, 'TECH-001'), 0);
  assert.equal(billingFor(second.replica, 'BELGO-001'), 0);
});
