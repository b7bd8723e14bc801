/**
 * Firefox with the built extension (.output/firefox-mv3-e2e, the end-to-end build) installed, driven by puppeteer over
 * WebDriver BiDi: shared by the Firefox end-to-end suite and the demo. docs/firefox.md says
 * what differs from Chromium and why each setting below is there.
 */
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The end-to-end build (open shadow roots, for the `>>>` selectors: lib/content/shadow-ui.ts). */
export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv3-e2e', import.meta.url));

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid>, fixed for this run through the profile. */
  extensionOrigin: string;
  /** A new tab showing one of the extension's pages (path and hash, e.g. "popup.html"). */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  executablePath: string;
  headless?: boolean;
  /** The browser's UI language (default pt-BR), and so the extension's. */
  uiLanguage?: string;
  /** More profile preferences, e.g. to withhold host permissions at install. */
  prefs?: Record<string, unknown>;
}

async function geckoId(): Promise<string> {
  const manifest = JSON.parse(await readFile(`${FIREFOX_EXTENSION_DIR}/manifest.json`, 'utf8'));
  const id: unknown = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${FIREFOX_EXTENSION_DIR}/manifest.json has no gecko id: build with \`WXT_E2E=1 npx wxt build -b firefox --mv3\``);
  return id;
}

/**
 * BiDi's navigate to a moz-extension:// URL: allowed only with --remote-allow-system-access, and
 * Firefox then sends no navigation events for the extension's process (bug 1755014), so
 * puppeteer's goto() would wait for them forever. The command itself returns once the page
 * has loaded. puppeteer-core is pinned; its BiDi frame keeps the browsing context as a field.
 */
export async function navigateToExtensionPage(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext?: { navigate(url: string, wait: string): Promise<void> } })
    .browsingContext;
  if (!context) throw new Error('puppeteer-core changed: its BiDi frame has no browsingContext to navigate');
  await context.navigate(url, 'complete');
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<FirefoxWithExtension> {
  const id = await geckoId();
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath,
    headless: options.headless ?? true,
    defaultViewport: { width: 1400, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Our moz-extension:// host, known before install (Firefox picks a random one otherwise).
      'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
      // The UI language, as a person's Firefox in pt-BR (needs Debian's firefox-esr-l10n-pt-br).
      'intl.locale.requested': options.uiLanguage ?? 'pt-BR',
      // permissions.request() answers as if the person clicked "Allow" in Firefox's prompt;
      // the click that asks is still a real one (the API refuses calls without user input).
      'extensions.webextOptionalPermissionPrompts': false,
      // Firefox's own notification pop-ups: the system's need a notification daemon, which a
      // headless machine lacks (Firefox then closes each notification the moment it is made).
      'alerts.useSystemBackend': false,
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionOrigin = `moz-extension://${uuid}`;
  return {
    browser,
    extensionOrigin,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await navigateToExtensionPage(page, `${extensionOrigin}/${path}`);
      return page;
    },
    close: () => browser.close(),
  };
}
