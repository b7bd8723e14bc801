/** The in-page entry and modal in a real Firefox: placement, the host's figures, dark mode, Esc, and who sees nothing. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { attributeOf, byTestId, clickTestId, countOf, eventually, startFirefoxSuite, textOf, typeInto } from './harness';
import { entryPlacementInPage, meanLuminanceOfPng, recordOverlaySightings } from '../tooling/page-steps';

const suite = await startFirefoxSuite();
after(() => suite.close());

test('a SUPER_ADMIN sees the entry right after Analytics, and the modal shows the panel\'s figures, marked simulated', async (t) => {
  const dashboard = await suite.dashboard(t);
  const page = await dashboard.newPage();
  // Admin v1 refuses a SUPER_ADMIN: the seed's panel is all the host gives them.
  await dashboard.signIn(page, 'platform_admin', { token: 'legacy' });
  await eventually(() => textOf(page, 'billing-sidebar-cost'), 'R$ 245,80');
  await eventually(() => page.evaluate(entryPlacementInPage), { count: 1, after: 'Analytics' });
  assert.equal(await textOf(page, 'billing-sidebar-entry'), 'Billing e Usage');

  await clickTestId(page, 'billing-sidebar-entry');
  await eventually(() => textOf(page, 'billing-total-cost'), 'R$ 245,80');
  assert.match((await textOf(page, 'billing-modal')) ?? '', /Consumo, custos e faturas/);
  assert.equal(await attributeOf(page, 'billing-modal', 'role'), 'dialog');
  assert.equal(await textOf(page, 'billing-api-calls'), '15.420');
  assert.equal(await textOf(page, 'billing-tokens'), '2,45M');
  assert.equal(await textOf(page, 'billing-cost-api'), 'R$ 45,60');
  assert.equal(await textOf(page, 'billing-cost-llm'), 'R$ 122,50');
  assert.equal(await textOf(page, 'billing-cost-storage'), 'R$ 25,00');
  assert.equal(await textOf(page, 'billing-cost-compute'), 'R$ 52,70');
  await eventually(() => countOf(page, 'billing-invoice-row'), 5);
  assert.match((await textOf(page, 'billing-invoice-row')) ?? '', /R\$ 200,00/);
  assert.equal(await textOf(page, 'billing-simulated'), 'Valores simulados: o próprio servidor marca estes números como simulação, não como cobrança real');
  assert.equal(await textOf(page, 'billing-invoices-simulated'), 'Faturas simuladas pelo servidor, não faturas reais');

  // Esc closes it and gives the focus back to the entry.
  await page.keyboard.press('Escape');
  await eventually(() => countOf(page, 'billing-modal'), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName.toLowerCase()), 'billing-overlay-entry');
});

test('dark mode follows the host live and renders dark', async (t) => {
  const dashboard = await suite.dashboard(t);
  const page = await dashboard.newPage();
  await dashboard.signIn(page, 'belgo_admin', { token: 'legacy' });
  const luminanceOfModal = async () => {
    await clickTestId(page, 'billing-sidebar-entry');
    // seed: admin v1's real figures.
    await eventually(() => textOf(page, 'billing-total-cost'), 'R$ 27,02');
    const png = await (await page.$(byTestId('billing-modal')))!.screenshot({ encoding: 'base64' });
    const luminance = await page.evaluate(meanLuminanceOfPng, png);
    await page.keyboard.press('Escape');
    await eventually(() => countOf(page, 'billing-modal'), 0);
    return luminance;
  };
  const light = await luminanceOfModal();
  await page.click('.dark-mode-toggle');
  await eventually(() => page.evaluate(() => document.documentElement.classList.contains('dark')), true);
  const dark = await luminanceOfModal();
  assert.ok(light > 170, `light modal luminance ${light}`);
  assert.ok(dark < 110, `dark modal luminance ${dark}`);
});

test('a DEVELOPER never sees the entry, not even for one frame', async (t) => {
  const dashboard = await suite.dashboard(t);
  const page = await dashboard.newPage();
  await page.evaluateOnNewDocument(recordOverlaySightings);
  await dashboard.signIn(page, 'tech_dev');
  await eventually(() => page.evaluate(() => !!document.querySelector('.sidebar-desktop')), true);
  // The background has decided for this person (the page asks the same, per-person decision).
  const access = () => dashboard.inExtension(() => (globalThis as any).chrome.runtime.sendMessage({ op: 'access.get' }));
  await eventually(access, { ok: true, value: { signedIn: true, canSeeBilling: false, role: 'DEVELOPER' } });
  assert.equal(await page.evaluate(() => (window as any).__overlaySeen), false);
  assert.equal(await page.evaluate(() => document.querySelectorAll('billing-overlay-entry').length), 0);
});

test('signed in through the login page, the host vouches for no tenant: the modal asks first, then shows the one confirmed', async (t) => {
  const dashboard = await suite.dashboard(t, { state: 'today' });
  const page = await dashboard.newPage();
  await dashboard.signIn(page, 'tech_admin', { confirmTenant: false });
  // The login page's guess for everyone, never fetched on.
  assert.equal(await page.evaluate(() => localStorage.getItem('current_tenant')), 'BELGO-001');
  await clickTestId(page, 'billing-sidebar-entry');
  await eventually(() => countOf(page, 'tenant-choice'), 1);
  // The guess is said, never the answer waiting in the field.
  assert.equal(await (await page.$(byTestId('tenant-choice-input')))!.evaluate((input) => (input as HTMLInputElement).value), '');
  assert.match((await textOf(page, 'billing-modal')) ?? '', /A página sugere BELGO-001/);
  assert.match((await textOf(page, 'billing-modal')) ?? '', /O servidor não confirmou a qual tenant você pertence/);
  assert.doesNotMatch((await textOf(page, 'billing-modal')) ?? '', /R\$|Belgo Arames/);
  assert.equal(await countOf(page, 'billing-sidebar-cost'), 0);

  await typeInto(page, byTestId('tenant-choice-input'), 'tech-001');
  await clickTestId(page, 'tenant-choice-confirm');
  await eventually(() => textOf(page, 'billing-total-cost'), 'R$ 41,50');
  assert.match((await textOf(page, 'billing-modal')) ?? '', /TECH-001/);
  await eventually(() => textOf(page, 'billing-sidebar-cost'), 'R$ 41,50');
});
