/**
 * Playwright fixtures: a fresh Chromium profile with the built extension loaded, the
 * extension's id and background worker, a replica of the dashboard on a free port in a chosen
 * state, and helpers to sign in and to open the extension's pages.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs } from '../tooling/browser.mjs';
import { startReplica, type HostState, type Replica } from '../replica/server';
import { findAccount } from '../replica/accounts';
import { EXTENSION_DIR } from './paths';

export type AccountName =
  | 'belgo_admin' | 'tech_admin' | 'tech_dev' | 'consultor' | 'startup_dev' | 'platform_admin' | 'admin';
export type TokenKind = 'v1' | 'legacy';

interface Fixtures {
  hostState: HostState;
  /** The browser's UI language (default pt-BR); tests of the English UI set 'en-US'. */
  uiLanguage: string;
  /** Point the extension at the replica before the test starts (default true). */
  configureOrigin: boolean;
  replica: Replica;
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  signIn: (page: Page, account: AccountName, token?: TokenKind) => Promise<void>;
  extensionPage: (path: string) => Promise<Page>;
  /** Sends a protocol request to the background from one of our own extension pages. */
  askBackground: (request: Record<string, unknown>) => Promise<any>;
}

function passwordOf(account: AccountName): string {
  const found = findAccount(account);
  if (!found) throw new Error(`no such replica account: ${account}`);
  return found.password;
}

async function loginToken(replica: Replica, account: AccountName, token: TokenKind): Promise<{ token: string; body: any }> {
  const path = token === 'v1' ? '/api/v1/auth/login' : '/api/auth/login';
  const res = await fetch(replica.origin + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account, password: passwordOf(account) }),
  });
  if (!res.ok) throw new Error(`login ${account} failed: ${res.status}`);
  const body = await res.json();
  return { token: body.access_token as string, body };
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

  context: async ({ uiLanguage }, use) => {
    const profile = await mkdtemp(join(tmpdir(), 'billing-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.E2E_CHROMIUM_PATH,
      headless: true,
      // The product speaks pt-BR first: the browser's UI language decides the extension's.
      args: [...chromiumArgs(EXTENSION_DIR), `--lang=${uiLanguage}`],
      locale: uiLanguage,
      viewport: { width: 1400, height: 900 },
    });
    await use(context);
    await context.close();
    await rm(profile, { recursive: true, force: true });
  },

  background: async ({ context, replica, configureOrigin }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    if (configureOrigin) {
      await worker.evaluate(async (origin) => {
        const storage = (globalThis as any).chrome.storage.local;
        const current = (await storage.get('settings')).settings ?? {};
        await storage.set({
          settings: { refreshMinutes: 5, extraTenantIds: [], ...current, dashboardOrigin: origin },
        });
      }, replica.origin);
    }
    await use(worker);
  },

  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },

  signIn: async ({ replica, background }, use) => {
    await use(async (page, account, token = 'legacy') => {
      void background; // the extension must be configured before the dashboard loads
      if (token === 'v1') {
        // Exactly what a person does: the host's own login page stores the v1 token.
        await page.goto(replica.origin + '/login');
        await page.fill('#username', account);
        await page.fill('#password', passwordOf(account));
        await page.click('#login-btn');
        await page.waitForURL(replica.origin + '/');
        return;
      }
      // The legacy token (with tenant claims) is what makes the host load projects.
      const { token: jwt, body } = await loginToken(replica, account, 'legacy');
      await page.goto(replica.origin + '/login');
      await page.evaluate(
        ({ jwt, body }) => {
          localStorage.setItem('auth_token', jwt);
          localStorage.setItem('user_data', JSON.stringify({ username: body.username, role: body.role }));
          localStorage.setItem('current_tenant', body.tenant_id ?? 'BELGO-001');
        },
        { jwt, body },
      );
      await page.goto(replica.origin + '/');
    });
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
