/**
 * `npm run demo [-- --browser firefox]`: builds the extension, starts the replica dashboard
 * (state `seed`) on a free local port, opens Chromium (default) or Firefox with the extension
 * loaded and an admin signed in. Headed where a display exists (stays open until Ctrl-C);
 * headless otherwise, taking screenshots of what a person sees into demo-screenshots/ (in
 * Chromium every surface in pt-BR and English, light and dark, desktop and phone, then an
 * ADMIN's quotas and months, then the store listing's images into demo-screenshots/store/;
 * Firefox's into demo-screenshots/firefox/), then exiting 0.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ensureChromium, ensureFirefox } from './browser.mjs';
import type { Page } from '@playwright/test';
import { buildForTests, chooseLanguage, configureDashboard, launchWithExtension, signIn, type ExtensionBrowser } from './extension-browser';
import { launchFirefoxWithExtension } from './firefox-browser';
import { legacySession, storeDashboardOrigin, storePageSession } from './page-steps';
import { storeShots } from './store-shots';
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

  await screenshotSet(browser, page);
  await adminV1Shots(browser, replica);
  await storeShots(browser, replica, OUT_DIR);
  return () => browser.close();
}

/**
 * What a person sees, in pt-BR and English, light and dark, on a desktop window and a
 * 390 × 844 phone: the dashboard with the entry, the modal, the popup (320 px wide, as
 * Chromium draws it), the options page and the full page. Files are named
 * <language>-<theme>-<screen>-<surface>.png.
 */
async function screenshotSet(browser: ExtensionBrowser, page: Page): Promise<void> {
  const DESKTOP = { width: 1280, height: 900 };
  const PHONE = { width: 390, height: 844 };
  const extensionPage = async (path: string, size: { width: number; height: number }, theme: 'light' | 'dark') => {
    const p = await browser.context.newPage();
    await p.setViewportSize(size);
    await p.emulateMedia({ colorScheme: theme });
    await p.goto(`chrome-extension://${browser.extensionId}/${path}`);
    return p;
  };
  for (const language of ['pt-BR', 'en'] as const) {
    await chooseLanguage(browser.background, language);
    await page.reload();
    await page.getByTestId('billing-sidebar-cost').waitFor();
    for (const theme of ['light', 'dark'] as const) {
      const name = (screen: string, surface: string) => `${language}-${theme}-${screen}-${surface}`;
      if ((await page.evaluate(() => document.documentElement.classList.contains('dark'))) !== (theme === 'dark')) {
        await page.locator('.dark-mode-toggle').click();
      }
      await page.setViewportSize(DESKTOP);
      await shot(name('desktop', 'dashboard'), page);
      await page.getByTestId('billing-sidebar-entry').click();
      await page.getByTestId('billing-invoice-row').first().waitFor();
      await shot(name('desktop', 'modal'), page);
      // The same modal on a phone: it follows the window.
      await page.setViewportSize(PHONE);
      await shot(name('phone', 'modal'), page);
      await page.keyboard.press('Escape');
      await page.setViewportSize(DESKTOP);

      const popup = await extensionPage('popup.html', { width: 320, height: 480 }, theme);
      await popup.getByTestId('popup-budget').waitFor();
      await shot(name('desktop', 'popup'), popup);
      await popup.close();
      for (const [screen, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
        const options = await extensionPage('options.html', size, theme);
        await options.getByTestId('options-tenant-select').waitFor();
        await options.getByTestId('options-check').click();
        await options.getByTestId('options-check-result').waitFor();
        await shot(name(screen, 'options'), options);
        await options.close();
        const full = await extensionPage('billing.html#tenant=BELGO-001', size, theme);
        await full.getByTestId('billing-invoice-row').first().waitFor();
        await shot(name(screen, 'full-page'), full);
        await full.close();
      }
    }
  }
}

/**
 * What an ADMIN sees through the login page (admin v1, real figures): the quotas against the
 * plan and the change since last month in the modal, and the full page one month back.
 */
async function adminV1Shots(browser: ExtensionBrowser, replica: Replica): Promise<void> {
  await chooseLanguage(browser.background, 'pt-BR');
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, replica.origin, 'belgo_admin');
  // The set above ends in dark: these two are light.
  if (await page.evaluate(() => document.documentElement.classList.contains('dark'))) await page.locator('.dark-mode-toggle').click();
  await page.getByTestId('billing-sidebar-entry').click();
  await page.getByTestId('billing-vs-last-month').waitFor();
  await shot('pt-BR-light-desktop-modal-quotas', page);
  const full = await browser.context.newPage();
  await full.setViewportSize({ width: 1200, height: 1500 });
  await full.emulateMedia({ colorScheme: 'light' });
  await full.goto(`chrome-extension://${browser.extensionId}/billing.html#tenant=BELGO-001`);
  await full.getByTestId('full-trend-bar').nth(5).waitFor();
  await full.getByTestId('full-month-prev').click();
  await full.getByTestId('billing-vs-last-month').waitFor();
  await full.getByTestId('full-trend-bar').nth(5).waitFor();
  await shot('pt-BR-light-desktop-full-page-last-month', full);
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
