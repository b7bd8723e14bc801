/**
 * The store listing's images, written by `npm run demo` (headless, Chromium) beside its other
 * screenshots: for each language (pt-BR, English: the extension's language setting, which the
 * options page sets) five 1280 × 800 screenshots of what an ADMIN sees (admin v1's real figures,
 * with quotas) and the 440 × 280 promo tile (tests/tooling/promo-tile.html). Sizes the Chrome Web
 * Store takes; addons.mozilla.org takes the same. Copied by hand into docs/store/images/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { chooseLanguage, signIn, type ExtensionBrowser } from './extension-browser';
import type { Replica } from '../replica/server';

const SCREEN = { width: 1280, height: 800 };
const PROMO_TILE = fileURLToPath(new URL('./promo-tile.html', import.meta.url));

/** Writes the store images into `<outDir>/store/<language>/`; logs each path. */
export async function storeShots(browser: ExtensionBrowser, replica: Replica, outDir: string): Promise<void> {
  const dashboard = await browser.context.newPage();
  await dashboard.setViewportSize(SCREEN);
  await dashboard.emulateMedia({ colorScheme: 'light' });
  await signIn(dashboard, replica.origin, 'belgo_admin');
  // The host keeps its own theme; these are light.
  if (await dashboard.evaluate(() => document.documentElement.classList.contains('dark'))) await dashboard.locator('.dark-mode-toggle').click();

  for (const language of ['pt-BR', 'en'] as const) {
    const dir = `${outDir}/store/${language}`;
    await mkdir(dir, { recursive: true });
    const save = async (name: string, png: Buffer) => {
      await writeFile(`${dir}/${name}.png`, png);
      console.log(`[demo] ${dir}/${name}.png`);
    };
    await chooseLanguage(browser.background, language);
    await dashboard.reload();
    await dashboard.getByTestId('billing-sidebar-cost').waitFor();
    const withEntry = await dashboard.screenshot();
    await save('01-dashboard-entry', withEntry);

    await dashboard.getByTestId('billing-sidebar-entry').click();
    await dashboard.getByTestId('billing-vs-last-month').waitFor();
    await dashboard.getByTestId('billing-quotas').waitFor();
    await save('02-modal-quotas', await dashboard.screenshot());
    await dashboard.keyboard.press('Escape');

    const popup = await extensionPage(browser, 'popup.html', { width: 320, height: 600 });
    await popup.getByTestId('popup-budget').waitFor();
    await save('03-popup', await overToolbar(browser, withEntry, await popup.locator('main').screenshot()));
    await popup.close();

    const options = await extensionPage(browser, 'options.html', SCREEN);
    await options.getByTestId('options-tenant-select').waitFor();
    await options.getByTestId('options-check').click();
    await options.getByTestId('options-check-result').waitFor();
    await save('04-options', await options.screenshot());
    await options.close();

    const full = await extensionPage(browser, 'billing.html#tenant=BELGO-001', SCREEN);
    await full.getByTestId('billing-vs-last-month').waitFor();
    await full.getByTestId('full-trend-bar').nth(5).waitFor();
    await save('05-full-page', await full.screenshot());
    await full.close();

    const tile = await browser.context.newPage();
    await tile.setViewportSize({ width: 440, height: 280 });
    await tile.goto(`file://${PROMO_TILE}#${language}`);
    await tile.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await save('promo-tile-440x280', await tile.screenshot());
    await tile.close();
  }
  await dashboard.close();
}

async function extensionPage(browser: ExtensionBrowser, path: string, size: { width: number; height: number }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** The popup as the browser shows it: open under the toolbar, over the dashboard it describes. */
async function overToolbar(browser: ExtensionBrowser, dashboard: Buffer, popup: Buffer): Promise<Buffer> {
  const page = await browser.context.newPage();
  await page.setViewportSize(SCREEN);
  const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;width:${SCREEN.width}px;height:${SCREEN.height}px;background:url(${dataUrl(dashboard)})">` +
      '<div style="position:absolute;inset:0;background:rgb(0 0 0 / 0.25)"></div>' +
      `<img src="${dataUrl(popup)}" alt="" style="position:absolute;top:8px;right:16px;border-radius:8px;box-shadow:0 8px 28px rgb(0 0 0 / 0.35)">`,
  );
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  const png = await page.screenshot();
  await page.close();
  return png;
}
