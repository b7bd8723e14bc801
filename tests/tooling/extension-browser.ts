/**
 * Chromium with the built extension loaded, pointed at a dashboard, with a person signed in:
 * shared by the end-to-end fixtures, the demo and the benchmark.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from './browser.mjs';
import {
  confirmTenantInExtension, legacySession, ownTenant, passwordOf, storeDashboardOrigin, storeSettings, storePageSession, tenantConfirmed,
  type AccountName,
} from './page-steps';

export { passwordOf, type AccountName } from './page-steps';

/**
 * The end-to-end build (`npm run build:e2e`): the shipped build with the overlay's shadow roots
 * open, so Playwright's locators reach inside (lib/content/shadow-ui.ts). The shipped build
 * itself (closed roots) is checked by tests/e2e/closed-shadow.spec.ts.
 */
export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3-e2e', import.meta.url));
export const SHIPPED_EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

/** Builds the end-to-end build (and, with `shipped`, the shipped one too). */
export function buildForTests(options: { shipped?: boolean } = {}): void {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, WXT_E2E: '1' } });
  if (options.shipped) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, WXT_E2E: '' } });
}

export type TokenKind = 'v1' | 'legacy';

export interface ExtensionBrowser {
  context: BrowserContext;
  background: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Which of the loaded extensions is ours, per browser (signIn confirms the tenant through it). */
const extensionIds = new WeakMap<BrowserContext, string>();

export async function launchWithExtension(options: {
  executablePath?: string;
  headless?: boolean;
  uiLanguage?: string;
  /** More unpacked extensions to load beside ours (security tests load a hostile one). */
  otherExtensions?: string[];
  /** Which build of ours to load (default: the end-to-end build). */
  extensionDir?: string;
}): Promise<ExtensionBrowser> {
  const uiLanguage = options.uiLanguage ?? 'pt-BR';
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profile = await mkdtemp(join(tmpdir(), 'billing-ext-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.executablePath,
    headless: options.headless ?? true,
    // The product speaks pt-BR first: the browser's UI language decides the extension's.
    // The UI language (and so chrome.i18n's): --lang where Chromium honours it, LANGUAGE on Linux.
    args: [...chromiumArgs([extensionDir, ...(options.otherExtensions ?? [])].join(',')), `--lang=${uiLanguage}`],
    env: { ...process.env, LANGUAGE: uiLanguage.replace('-', '_'), LANG: `${uiLanguage.replace('-', '_')}.UTF-8` },
    locale: uiLanguage,
    viewport: { width: 1400, height: 900 },
  });
  const extensionId = unpackedExtensionId(extensionDir);
  extensionIds.set(context, extensionId);
  const background = await workerOf(context, extensionId);
  return {
    context,
    background,
    extensionId,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Chromium's id for an unpacked extension: its path's SHA-256, first 32 hex digits as a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** The background worker of the extension with that id, once it has started. */
export async function workerOf(context: BrowserContext, extensionId: string): Promise<Worker> {
  for (;;) {
    const found = context.serviceWorkers().find((worker) => new URL(worker.url()).host === extensionId);
    if (found) return found;
    await context.waitForEvent('serviceworker');
  }
}

/**
 * Points the extension at a dashboard origin, as the options page would, and waits until the
 * background has registered the overlay there (it runs on the configured origin only). From
 * the worker or one of our own pages.
 */
export async function configureDashboard(background: Pick<Worker, 'evaluate'>, origin: string, options: { waitForOverlay?: boolean } = {}): Promise<void> {
  await background.evaluate(storeDashboardOrigin, origin);
  // An address the extension may not reach gets no overlay to wait for.
  if (options.waitForOverlay !== false) await overlayRegisteredFor(background, origin);
}

/** Waits until the overlay's content script is registered for exactly `origin`. */
export async function overlayRegisteredFor(background: Pick<Worker, 'evaluate'>, origin: string): Promise<void> {
  const match = `${origin}/*`;
  for (let waited = 0; ; waited += 50) {
    const matches: string[] = await background.evaluate(async () =>
      ((await (globalThis as any).chrome.scripting.getRegisteredContentScripts()) as { matches?: string[] }[]).flatMap((s) => s.matches ?? []),
    );
    if (matches.includes(match)) return;
    if (waited > 10_000) throw new Error(`the overlay was not registered for ${origin} (registered: ${matches.join(', ') || 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The language the options page would choose ('auto' follows the browser). */
export async function chooseLanguage(background: Worker, language: 'auto' | 'pt-BR' | 'en'): Promise<void> {
  await background.evaluate(storeSettings, { language });
}

export interface SignInOptions {
  /** 'v1' (default) is exactly what a person does on the host's login page; 'legacy' stores the
   * token with tenant claims, with which the host loads projects (and shows its Analytics). */
  token?: TokenKind;
  /**
   * Where the host vouches for no tenant of the person (every v1 sign-in), the tenant they then
   * confirm in the extension, as a person does once with the chooser: by default their own
   * tenant; `false` leaves the chooser waiting.
   */
  confirmTenant?: string | false;
}

/** Signs `account` in on the dashboard at `origin` (a TokenKind alone is `{ token }`). */
export async function signIn(page: Page, origin: string, account: AccountName, options: TokenKind | SignInOptions = {}): Promise<void> {
  const { token = 'v1', confirmTenant = ownTenant(account) } = typeof options === 'string' ? { token: options } : options;
  if (token === 'v1') {
    await page.goto(origin + '/login');
    await page.fill('#username', account);
    await page.fill('#password', passwordOf(account));
    await page.click('#login-btn');
    await page.waitForURL(origin + '/');
  } else {
    const session = await legacySession(origin, account);
    await page.goto(origin + '/login');
    await page.evaluate(storePageSession, session);
    await page.goto(origin + '/');
  }
  if (confirmTenant) await confirmTenantOnce(page.context(), confirmTenant);
}

/** The person's one-time confirmation of their tenant, from one of the extension's own pages. */
async function confirmTenantOnce(context: BrowserContext, tenantId: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionIds.get(context) ?? unpackedExtensionId(EXTENSION_DIR)}/options.html`);
    tenantConfirmed(tenantId, await page.evaluate(confirmTenantInExtension, tenantId));
  } finally {
    await page.close();
  }
}
