/**
 * `npm run demo`: builds the extension, starts the replica dashboard (state `seed`) on a free
 * local port, opens Chromium with the extension loaded and an admin signed in. Headed where a
 * display exists (stays open until Ctrl-C); headless otherwise, taking screenshots of what a
 * person sees into demo-screenshots/, then exiting 0.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ensureChromium } from './browser.mjs';
import { buildForTests, configureDashboard, launchWithExtension, signIn } from './extension-browser';
import { startReplica } from '../replica/server';

const OUT_DIR = resolve(process.env.DEMO_OUT_DIR ?? 'demo-screenshots');
const headed = !!process.env.DISPLAY && process.env.DEMO_HEADLESS !== '1';

// The end-to-end build: its open shadow roots let the screenshots reach into the overlay.
buildForTests();
const chromium = await ensureChromium();
const replica = await startReplica({ port: 0, state: 'seed' });
console.log(`[demo] replica dashboard (state seed): ${replica.origin}  — sign in as belgo_admin / Belgo@Admin#2025`);
const browser = await launchWithExtension({ executablePath: chromium.path, headless: !headed });
await configureDashboard(browser.background, replica.origin);

const page = await browser.context.newPage();
await signIn(page, replica.origin, 'belgo_admin');
await page.getByTestId('billing-sidebar-cost').waitFor();

if (headed) {
  console.log('[demo] Chromium is open with the extension. Press Ctrl-C to stop.');
  process.on('SIGINT', () => void browser.close().then(() => replica.close()).then(() => process.exit(0)));
} else {
  await mkdir(OUT_DIR, { recursive: true });
  const shot = async (name: string, target: { screenshot(o: { path: string }): Promise<unknown> }) => {
    const path = `${OUT_DIR}/${name}.png`;
    await target.screenshot({ path });
    console.log(`[demo] ${path}`);
  };
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

  const extensionPage = async (path: string, size: { width: number; height: number }) => {
    const p = await browser.context.newPage();
    await p.setViewportSize(size);
    await p.goto(`chrome-extension://${browser.extensionId}/${path}`);
    return p;
  };
  const popup = await extensionPage('popup.html', { width: 360, height: 330 });
  await popup.getByTestId('popup-total-cost').waitFor();
  await shot('4-popup', popup);
  const options = await extensionPage('options.html', { width: 900, height: 700 });
  await options.getByTestId('options-tenant-select').waitFor();
  await shot('5-options', options);
  const full = await extensionPage('billing.html#tenant=BELGO-001', { width: 1200, height: 1100 });
  await full.getByTestId('billing-invoice-row').first().waitFor();
  await shot('6-full-page', full);

  await browser.close();
  await replica.close();
  console.log(`[demo] screenshots written to ${OUT_DIR}`);
}
