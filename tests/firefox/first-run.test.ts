/**
 * The first-run page in a real Firefox: installing the add-on opens it by itself, and from it a
 * person grants access to a dashboard in the click that adds it. In a profile where host
 * permissions are not granted at install (Firefox for Android's default), so the grant is real.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { clickTestId, eventually, startFirefoxSuite, textOf, typeInto } from './harness';

const suite = await startFirefoxSuite({ 'extensions.originControls.grantByDefault': false });
after(() => suite.close());

/**
 * The tab the add-on opened at install, found among the browser's pages: BiDi neither navigates
 * to moz-extension:// nor reports the extension's loads, so each page is asked where it is.
 */
async function openedAtInstall(): Promise<Page> {
  const url = `${suite.firefox.extensionOrigin}/welcome.html`;
  let found: Page | undefined;
  await eventually(async () => {
    for (const page of await suite.firefox.browser.pages()) {
      const where = await page.evaluate(() => `${location.href}|${document.readyState}`).catch(() => '');
      if (where === `${url}|complete`) found = page;
    }
    return found !== undefined;
  }, true);
  return found!;
}

test('installing the add-on opens the first-run page, in the browser\'s language', async () => {
  const welcome = await openedAtInstall();
  await eventually(() => welcome.evaluate(() => document.querySelector('h1')?.textContent), 'Bem-vindo ao Billing e Usage');
  assert.equal(await welcome.title(), 'Billing e Usage — Primeiros passos');
  assert.equal(await welcome.$$eval('[data-testid="welcome-what"] li', (lines) => lines.length), 3);
  assert.equal(await welcome.$eval('[data-testid="link-privacy"]', (link) => link.getAttribute('href')), '/privacy.html');
});

test('on the first-run page, adding a dashboard grants access to it in the same click; signed in there, the check says who', async (t) => {
  const dashboard = await suite.dashboard(t);
  // *.localhost reaches this machine in Firefox, yet it is none of the manifest's origins.
  const remote = `http://dashboard.localhost:${dashboard.replica.port}`;
  const granted = () => dashboard.inExtension((pattern: string) => (globalThis as any).browser.permissions.contains({ origins: [pattern] }), 'http://dashboard.localhost/*');
  assert.equal(await granted(), false);

  const welcome = await openedAtInstall();
  await typeInto(welcome, '#origin', `${remote}/kanban`);
  await clickTestId(welcome, 'options-dashboard-add');
  await eventually(() => textOf(welcome, 'options-origin-message'), `Adicionado: ${remote}. É o escolhido agora.`);
  assert.equal(await granted(), true);
  // The background registers the overlay where access is granted: the added dashboard.
  const registered = () => dashboard.inExtension(async () =>
    ((await (globalThis as any).browser.scripting.getRegisteredContentScripts()) as { matches: string[] }[]).flatMap((script) => script.matches));
  await eventually(registered, ['http://dashboard.localhost/*']);

  const page = await dashboard.newPage();
  await dashboard.signIn(page, 'belgo_admin', { at: remote });
  await eventually(() => textOf(page, 'billing-sidebar-cost'), 'R$ 27,02');
  await clickTestId(welcome, 'options-check');
  await eventually(async () => /belgo_admin/.test((await textOf(welcome, 'options-check-result')) ?? ''), true);
});
