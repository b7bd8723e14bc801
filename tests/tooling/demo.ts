/**
 * `npm run demo`: builds the extension, starts the replica dashboard (state `seed`) on a free
 * local port, opens Chromium with the extension loaded and an admin signed in. Headed where a
 * display exists (stays open until Ctrl-C); headless otherwise, taking screenshots of what a
 * person sees into demo-screenshots/ (every surface in pt-BR and English, light and dark,
 * desktop and phone), then exiting 0.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ensureChromium } from './browser.mjs';
import type { Page } from '@playwright/test';
import { chooseLanguage, configureDashboard, launchWithExtension, signIn } from './extension-browser';
import { startReplica } from '../replica/server';

const OUT_DIR = resolve(process.env.DEMO_OUT_DIR ?? 'demo-screenshots');
const headed = !!process.env.DISPLAY && process.env.DEMO_HEADLESS !== '1';

execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
const chromium = await ensureChromium();
const replica = await startReplica({ port: 0, state: 'seed' });
console.log(`[demo] replica dashboard (state seed): ${replica.origin}  — sign in as belgo_admin / Belgo@Admin#2025`);
const browser = await launchWithExtension({ executablePath: chromium.path, headless: !headed });
await configureDashboard(browser.background, replica.origin);

const page = await browser.context.newPage();
// The token with tenant claims, with which the seed's panel answers (invoices, budget, timeline).
await signIn(page, replica.origin, 'belgo_admin', { token: 'legacy' });
await page.getByTestId('billing-sidebar-cost').waitFor();

if (headed) {
  console.log('[demo] Chromium is open with the extension. Press Ctrl-C to stop.');
  process.on('SIGINT', () => void browser.close().then(() => replica.close()).then(() => process.exit(0)));
} else {
  await mkdir(OUT_DIR, { recursive: true });
  await screenshotSet();
  await browser.close();
  await replica.close();
  console.log(`[demo] screenshots written to ${OUT_DIR}`);
}

/**
 * What a person sees, in pt-BR and English, light and dark, on a desktop window and a
 * 390 × 844 phone: the dashboard with the entry, the modal, the popup (320 px wide, as
 * Chromium draws it), the options page and the full page. Files are named
 * <language>-<theme>-<screen>-<surface>.png.
 */
async function screenshotSet(): Promise<void> {
  const DESKTOP = { width: 1280, height: 900 };
  const PHONE = { width: 390, height: 844 };
  const shot = async (name: string, target: Page) => {
    const path = `${OUT_DIR}/${name}.png`;
    await target.screenshot({ path });
    console.log(`[demo] ${path}`);
  };
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
