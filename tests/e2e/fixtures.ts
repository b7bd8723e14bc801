/**
 * Playwright fixtures: a fresh Chromium profile with the built extension loaded, the
 * extension's id and background worker, a replica of the dashboard on a free port in a chosen
 * state, and helpers to sign in and to open the extension's pages.
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startReplica, type HostState, type Replica } from '../replica/server';
import {
  configureDashboard,
  launchWithExtension,
  signIn,
  type AccountName,
  type ExtensionBrowser,
  type SignInOptions,
  type TokenKind,
} from '../tooling/extension-browser';

interface Fixtures {
  hostState: HostState;
  /** The browser's UI language (default pt-BR); tests of the English UI set 'en-US'. */
  uiLanguage: string;
  /** Point the extension at the replica before the test starts (default true). */
  configureOrigin: boolean;
  replica: Replica;
  browserWithExtension: ExtensionBrowser;
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  signIn: (page: Page, account: AccountName, options?: TokenKind | SignInOptions) => Promise<void>;
  extensionPage: (path: string) => Promise<Page>;
  /** Sends a protocol request to the background from one of our own extension pages. */
  askBackground: (request: Record<string, unknown>) => Promise<any>;
}

export const test = base.extend<Fixtures>({
  hostState: ['seed', { option: true }],
  uiLanguage: ['pt-BR', { option: true }],
  configureOrigin: [true, { option: true }],

  replica: async ({ hostState }, use) => {
    const replica = await startReplica({ port: 0, state: hostState, loginRateLimit: false });
    await use(replica);
    await replica.close();
  },

  browserWithExtension: async ({ uiLanguage }, use) => {
    const browser = await launchWithExtension({ executablePath: process.env.E2E_CHROMIUM_PATH, uiLanguage });
    await use(browser);
    await browser.close();
  },

  context: async ({ browserWithExtension }, use) => use(browserWithExtension.context),

  background: async ({ browserWithExtension, replica, configureOrigin }, use) => {
    if (configureOrigin) await configureDashboard(browserWithExtension.background, replica.origin);
    await use(browserWithExtension.background);
  },

  extensionId: async ({ browserWithExtension }, use) => use(browserWithExtension.extensionId),

  // Depends on `background` so the extension is configured before the dashboard loads.
  signIn: async ({ replica, background }, use) => {
    void background;
    await use((page, account, options) => signIn(page, replica.origin, account, options));
  },

  extensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },

  askBackground: async ({ extensionPage }, use) => {
    let page: Page | null = null;
    await use(async (request) => {
      page ??= await extensionPage('options.html');
      return page.evaluate((r) => (globalThis as any).chrome.runtime.sendMessage(r), request);
    });
  },
});

export { expect };
