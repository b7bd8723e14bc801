/**
 * What Firefox does differently (docs/firefox.md), in a profile where the manifest's host
 * permissions are NOT granted at install (Firefox for Android's default, and a person who
 * declines them) and the event page goes to sleep after one idle second instead of thirty.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { attributeOf, byTestId, clickTestId, countOf, eventually, startFirefoxSuite, textOf, typeInto } from './harness';
import { adminUsage } from '../replica/billing-data';
import { storeSettings } from '../tooling/page-steps';

const suite = await startFirefoxSuite({
  'extensions.originControls.grantByDefault': false,
  'extensions.background.idle.timeout': 1000,
});
after(() => suite.close());

test('host access withheld at install: the popup and options say so, and one click grants it', async (t) => {
  const dashboard = await suite.dashboard(t);
  const granted = () => dashboard.inExtension((pattern: string) => (globalThis as any).browser.permissions.contains({ origins: [pattern] }), 'http://localhost/*');
  assert.equal(await granted(), false);

  const popup = await dashboard.extensionPage('popup.html');
  await eventually(() => attributeOf(popup, 'popup-state', 'data-state'), 'notSetUp');
  assert.equal(await textOf(popup, 'popup-no-permission'), `A extensão não tem permissão para acessar ${dashboard.replica.origin}.`);
  assert.equal(await textOf(popup, 'popup-grant-permission'), 'Permitir acesso');
  // Beside its own "Allow access", the popup's other button opens the options page in a tab.
  const options = await dashboard.tabOpenedBy(async () => {
    await popup.bringToFront();
    await popup.click('button.btn-secondary');
  }, 'options.html');
  await eventually(() => textOf(options, 'options-access-missing'), `Esta extensão não tem acesso a ${dashboard.replica.origin}, então nada aparece no Dashboard Agile nem no popup. O navegador só dá esse acesso com a sua autorização (no Firefox, ela pode ser retirada em Extensões e temas). Autorizar acesso`);

  await clickTestId(options, 'options-access-grant');
  await eventually(() => countOf(options, 'options-access-missing'), 0);
  assert.equal(await granted(), true);
  const page = await dashboard.newPage();
  await dashboard.signIn(page, 'belgo_admin');
  await eventually(() => textOf(page, 'billing-sidebar-cost'), 'R$ 27,02');
});

test('a dashboard beyond localhost: asked for at run time, registered there, and following the person\'s grants', async (t) => {
  const dashboard = await suite.dashboard(t);
  // *.localhost reaches this machine in Firefox, yet it is none of the manifest's origins.
  const remote = `http://dashboard.localhost:${dashboard.replica.port}`;
  const state = () =>
    dashboard.inExtension(async () => {
      const browser = (globalThis as any).browser;
      const scripts: { id: string; matches: string[] }[] = await browser.scripting.getRegisteredContentScripts();
      return {
        granted: await browser.permissions.contains({ origins: ['http://dashboard.localhost/*'] }),
        // (the local dashboard, once it is the address again, has its own registration)
        registered: scripts.filter((script) => script.matches.some((m) => m.includes('dashboard.localhost'))).map((script) => `${script.id} ${script.matches.join(',')}`),
      };
    });
  const registeredThere = { granted: true, registered: ['dashboard-configured-origin http://dashboard.localhost/*'] };

  // The person adds the address: Firefox asks (the profile answers "Allow"), and it is the chosen one.
  const options = await dashboard.extensionPage('options.html');
  await typeInto(options, byTestId('options-dashboard-add-origin'), remote);
  await clickTestId(options, 'options-dashboard-add');
  await eventually(state, registeredThere);
  await eventually(() => textOf(options, 'options-origin-message'), `Adicionado: ${new URL(remote).origin}. É o escolhido agora.`);
  const page = await dashboard.newPage();
  await dashboard.signIn(page, 'belgo_admin', { at: remote });
  await eventually(() => textOf(page, 'billing-sidebar-cost'), 'R$ 27,02');
  await clickTestId(page, 'billing-sidebar-entry');
  await eventually(() => textOf(page, 'billing-total-cost'), 'R$ 27,02');

  // Withdrawn in Firefox's own UI (the add-on's Permissions tab does just this): its row in the
  // options page says so, the overlay is no longer registered; one click there brings both back.
  const remoteRow = `[data-testid="options-dashboard-row"][data-origin="${new URL(remote).origin}"]`;
  await dashboard.inExtension(() => (globalThis as any).browser.permissions.remove({ origins: ['http://dashboard.localhost/*'] }));
  await eventually(state, { granted: false, registered: [] });
  await eventually(async () => (await options.$(`${remoteRow} [data-testid="options-access-missing"]`)) !== null, true);
  await options.bringToFront();
  await options.click(`${remoteRow} [data-testid="options-access-grant"]`);
  await eventually(state, registeredThere);
  await page.reload();
  await eventually(() => textOf(page, 'billing-sidebar-cost'), 'R$ 27,02');

  // Removed, the local dashboard left alone: the remote origin's registration and permission go.
  await options.click(`${remoteRow} [data-testid="options-dashboard-remove"]`);
  await eventually(async () => (await options.$(`${remoteRow} [data-testid="options-dashboard-remove-confirm"]`)) !== null, true);
  await options.click(`${remoteRow} [data-testid="options-dashboard-remove-confirm"]`);
  await eventually(state, { granted: false, registered: [] });
});

test('the event page sleeps between alarms, and each alarm wakes it to repaint the badge from the host', async (t) => {
  const dashboard = await suite.dashboard(t);
  await clickTestId(await dashboard.extensionPage('options.html'), 'options-access-grant');
  // seed: admin v1's real figures (its usage is what the host changes below).
  await dashboard.signIn(await dashboard.newPage(), 'belgo_admin', { token: 'legacy' });
  const badgeText = () => dashboard.inExtension(() => (globalThis as any).browser.action.getBadgeText({}));
  await eventually(badgeText, '27');

  // A refresh every 3 s instead of the options page's minutes, so the run stays short.
  await dashboard.inExtension(storeSettings, { refreshMinutes: 0.05 });
  const backgroundRunning = () =>
    dashboard.inExtension(async () => (await (globalThis as any).browser.runtime.getContexts({ contextTypes: ['BACKGROUND'] })).length > 0);
  await eventually(backgroundRunning, false);

  // The host's figures move on; only the alarm, waking the sleeping page, can bring them.
  const usage = adminUsage('BELGO-001', null);
  const grown = { ...usage, summary: { ...usage.summary, costs: { ...usage.summary.costs, compute_cents: 820, total_cents: 3123 } } };
  dashboard.replica.faults.set('/api/v1/admin/billing/usage/BELGO-001', { status: 200, contentType: 'application/json', body: JSON.stringify(grown) });
  await eventually(badgeText, '31');
});
