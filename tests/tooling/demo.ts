/**
 * `npm run demo [-- --browser firefox]`: builds the extension, starts the replica dashboard
 * (state `seed`) on a free local port, opens Chromium (default) or Firefox with the extension
 * loaded and an admin signed in. Headed where a display exists (stays open until Ctrl-C);
 * headless otherwise, taking screenshots of what a person sees into demo-screenshots/ (Firefox's
 * into demo-screenshots/firefox/), then exiting 0.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ensureChromium, ensureFirefox } from './browser.mjs';
import { buildForTests, configureDashboard, launchWithExtension, signIn } from './extension-browser';
import { launchFirefoxWithExtension } from './firefox-browser';
import { legacySession, storeDashboardOrigin, storePageSession } from './page-steps';
import { startReplica, type Replica } from '../replica/server';
import { byTestId, clickTestId, countOf, eventually } from '../firefox/harness';

const browserArg = process.argv.indexOf('--browser');
const browserName = browserArg === -1 ? 'chromium' : process.argv[browserArg + 1];
if (browserName !== 'chromium' && browserName !== 'firefox') {
  console.error(`[demo] --browser takes chromium or firefox, not ${browserName}`);
  process.exit(2);
}
const OUT_DIR = resolve(process.env.DEMO_OUT_DIR ?? 'demo-screenshots', browserName === 'firefox' ? 'firefox' : '');
const headed = !!process.env.DISPLAY && process.env.DEMO_HEADLESS !== '1';

/** The extension's pages shot after the dashboard's three, each at its size once its test id shows. */
const EXTENSION_SHOTS = [
  { name: '4-popup', path: 'popup.html', size: { width: 360, height: 330 }, ready: 'popup-total-cost' },
  { name: '5-options', path: 'options.html', size: { width: 900, height: 700 }, ready: 'options-tenant-select' },
  { name: '6-full-page', path: 'billing.html#tenant=BELGO-001', size: { width: 1200, height: 1100 }, ready: 'billing-invoice-row' },
];

async function shot(name: string, target: { screenshot(o: { path: string }): Promise<unknown> }): Promise<void> {
  const path = `${OUT_DIR}/${name}.png`;
  await target.screenshot({ path: path as `${string}.png` });
  console.log(`[demo] ${path}`);
}

async function chromiumDemo(replica: Replica): Promise<() => Promise<void>> {
  const chromium = await ensureChromium();
  const browser = await launchWithExtension({ executablePath: chromium.path, headless: !headed });
  await configureDashboard(browser.background, replica.origin);
  const page = await browser.context.newPage();
  // A SUPER_ADMIN with the token that has tenant claims: admin v1 refuses them, so the seed's
  // billing panel gives every part (timeline, projections, invoices), marked simulated.
  await signIn(page, replica.origin, 'platform_admin', { token: 'legacy' });
  await page.getByTestId('billing-sidebar-cost').waitFor();
  if (headed) return () => browser.close();

  await shot('1-dashboard-entry', page);
  await page.getByTestId('billing-sidebar-entry').click();
  await page.getByTestId('billing-total-cost').waitFor();
  await page.getByTestId('billing-invoice-row').first().waitFor();
  await shot('2-modal', page);
  await page.keyboard.press('Escape');
  await page.locator('.dark-mode-toggle').click();
  await page.getByTestId('billing-sidebar-entry').click();
  await page.getByTestId('billing-total-cost').waitFor();
  await shot('3-modal-dark', page);
  for (const { name, path, size, ready } of EXTENSION_SHOTS) {
    const extensionPage = await browser.context.newPage();
    await extensionPage.setViewportSize(size);
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/${path}`);
    await extensionPage.getByTestId(ready).first().waitFor();
    await shot(name, extensionPage);
  }
  return () => browser.close();
}

async function firefoxDemo(replica: Replica): Promise<() => Promise<void>> {
  // The end-to-end build: its open shadow roots let the screenshots reach into the overlay.
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { stdio: 'inherit', env: { ...process.env, WXT_E2E: '1' } });
  const found = await ensureFirefox();
  const firefox = await launchFirefoxWithExtension({ executablePath: found.path, headless: !headed });
  const options = await firefox.openExtensionPage('options.html');
  await options.evaluate(storeDashboardOrigin, replica.origin);
  await options.close();
  const page = await firefox.browser.newPage();
  await page.goto(replica.origin + '/login');
  // As in Chromium: a SUPER_ADMIN with the token with tenant claims, which the panel answers.
  await page.evaluate(storePageSession, await legacySession(replica.origin, 'platform_admin'));
  await page.goto(replica.origin + '/');
  const shown = async (testId: string) => (await countOf(page, testId)) > 0;
  await eventually(() => shown('billing-sidebar-cost'), true);
  if (headed) return () => firefox.close();

  await shot('1-dashboard-entry', page);
  await clickTestId(page, 'billing-sidebar-entry');
  await eventually(() => shown('billing-invoice-row'), true);
  await shot('2-modal', page);
  await page.keyboard.press('Escape');
  await page.click('.dark-mode-toggle');
  await clickTestId(page, 'billing-sidebar-entry');
  await eventually(() => shown('billing-total-cost'), true);
  await shot('3-modal-dark', page);
  for (const { name, path, size, ready } of EXTENSION_SHOTS) {
    const extensionPage = await firefox.openExtensionPage(path);
    await extensionPage.setViewport(size);
    await eventually(async () => (await extensionPage.$(byTestId(ready))) !== null, true);
    await shot(name, extensionPage);
  }
  return () => firefox.close();
}

// The end-to-end build: its open shadow roots let the screenshots reach into the overlay.
if (browserName === 'chromium') buildForTests();
if (!headed) await mkdir(OUT_DIR, { recursive: true });
const replica = await startReplica({ port: 0, state: 'seed' });
console.log(
  `[demo] replica dashboard (state seed): ${replica.origin}  — signed in as platform_admin / Platform@2025!Adm ` +
    "(the panel's simulated figures); belgo_admin / Belgo@Admin#2025 sees admin v1's real ones",
);
const close = await (browserName === 'firefox' ? firefoxDemo(replica) : chromiumDemo(replica));

if (headed) {
  console.log(`[demo] ${browserName === 'firefox' ? 'Firefox' : 'Chromium'} is open with the extension. Press Ctrl-C to stop.`);
  process.on('SIGINT', () => void close().then(() => replica.close()).then(() => process.exit(0)));
} else {
  await close();
  await replica.close();
  console.log(`[demo] screenshots written to ${OUT_DIR}`);
}
