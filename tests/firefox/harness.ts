/**
 * The Firefox suite's harness: one Firefox per test file (launching one costs seconds on our
 * 2-core machines), and for each test a replica of its own on a new port, so a test's origin,
 * session, caches and active tenant are its alone; its settings and host permissions start as
 * just installed, and its tabs and replica go when it ends. Reads poll from Node until a
 * condition holds, within a deadline.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { BrowserContext, Page, Target } from 'puppeteer-core';
import { FIREFOX_INSTALL_HINT, findFirefox } from '../tooling/browser.mjs';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../tooling/firefox-browser';
import {
  confirmTenantInExtension, legacySession, ownTenant, passwordOf, storeDashboardOrigin, storePageSession, tenantConfirmed,
  type AccountName,
} from '../tooling/page-steps';
import { startReplica, type HostState, type Replica } from '../replica/server';

const DEADLINE_MS = 10_000;
const POLL_MS = 100;

/** Polls `read` until its value deep-equals `expected`; fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = DEADLINE_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const actual = await read().catch((error: unknown) => error);
    try {
      assert.deepStrictEqual(actual, expected);
      return;
    } catch (failure) {
      if (Date.now() > deadline) throw failure;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Selects by data-testid through open shadow roots (the overlay lives in two). */
export const byTestId = (id: string): string => `>>> [data-testid="${id}"]`;

/** The text of the first element with that test id, white space collapsed (Intl's are no-break), or null when there is none. */
export async function textOf(page: Page, testId: string): Promise<string | null> {
  const element = await page.$(byTestId(testId));
  return element ? element.evaluate((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim()) : null;
}

export async function attributeOf(page: Page, testId: string, name: string): Promise<string | null> {
  const element = await page.$(byTestId(testId));
  return element ? element.evaluate((node, attribute) => node.getAttribute(attribute), name) : null;
}

/** How many elements with that test id a person can see (a closed modal stays in the page, hidden). */
export async function countOf(page: Page, testId: string): Promise<number> {
  const shown = await Promise.all(
    (await page.$$(byTestId(testId))).map((element) => element.evaluate((node) => node.checkVisibility({ visibilityProperty: true }))),
  );
  return shown.filter(Boolean).length;
}

/** Clicks an element by test id once it is there, in its tab brought to the front. */
export async function clickTestId(page: Page, testId: string): Promise<void> {
  await page.bringToFront();
  await eventually(async () => (await countOf(page, testId)) > 0, true);
  await page.click(byTestId(testId));
}

/** Replaces what a field holds by typing, then leaves it (Tab), as a person does. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.bringToFront();
  await eventually(async () => (await page.$(selector)) !== null, true);
  // Focus and select from the page rather than by a triple click: a click lands on whatever is at
  // the field's last known place, and the page's sections still move as their data arrives.
  await page.$eval(selector, (field) => {
    (field as HTMLInputElement).focus();
    (field as HTMLInputElement).select();
  });
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  assert.equal(await page.$eval(selector, (field) => (field as HTMLInputElement).value), text);
  await page.keyboard.press('Tab');
}

export interface Dashboard {
  /** The test's own dashboard; the extension is pointed at its origin. */
  replica: Replica;
  /** A new tab, closed when the test ends. */
  newPage(): Promise<Page>;
  /** A new tab in a container of its own (a BiDi user context: its own localStorage), closed when the test ends. */
  newContainerPage(): Promise<Page>;
  /** One of the extension's pages in a new tab, closed when the test ends. */
  extensionPage(path: string): Promise<Page>;
  /** The tab the extension opens while `action` runs (e.g. a click on "Abrir Painel Completo"), once its page has loaded. */
  tabOpenedBy(action: () => Promise<void>, path: string): Promise<Page>;
  /** Runs `fn` in one of our extension pages, where the extension's APIs are (badge, alarms, permissions). */
  inExtension<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>>;
  /** The suite's one sign-in step: `account` signed in on the dashboard, the page at "/". */
  signIn(page: Page, account: AccountName, options?: SignIn): Promise<void>;
}

export interface SignIn {
  /**
   * 'v1' (default): the host's login page, as a person uses it; 'legacy': the token with tenant
   * claims, with which the host loads projects (so shows Analytics) and its billing panel answers.
   */
  token?: 'v1' | 'legacy';
  /**
   * Where the host vouches for no tenant of the person (every v1 sign-in), the tenant they then
   * confirm once in the extension's chooser: by default their own; false leaves the chooser waiting.
   */
  confirmTenant?: string | false;
  /** The dashboard's address, when not the replica's own (the same host by another name). */
  at?: string;
}

export interface FirefoxSuite {
  firefox: FirefoxWithExtension;
  dashboard(t: TestContext, options?: { state?: HostState }): Promise<Dashboard>;
  close(): Promise<void>;
}

/** In an extension page: the host permissions granted now. */
async function grantedOrigins(): Promise<string[]> {
  return (await (globalThis as any).browser.permissions.getAll()).origins;
}

/** In an extension page: withdraws the host permissions granted since install, as Firefox's Permissions tab would. */
async function withdrawOriginsBeyond(atInstall: string[]): Promise<void> {
  const permissions = (globalThis as any).browser.permissions;
  const { origins } = await permissions.getAll();
  const since = origins.filter((origin: string) => !atInstall.includes(origin));
  if (since.length) await permissions.remove({ origins: since });
}

export async function startFirefoxSuite(prefs?: Record<string, unknown>): Promise<FirefoxSuite> {
  const found = findFirefox();
  if (!found) throw new Error(FIREFOX_INSTALL_HINT);
  const firefox = await launchFirefoxWithExtension({ executablePath: found.path, prefs });
  const first = await firefox.openExtensionPage('options.html');
  const originsAtInstall = await first.evaluate(grantedOrigins);
  await first.close();

  async function dashboard(t: TestContext, options: { state?: HostState } = {}): Promise<Dashboard> {
    const replica = await startReplica({ port: 0, state: options.state ?? 'seed', loginRateLimit: false });
    const pages: Page[] = [];
    const containers: BrowserContext[] = [];
    t.after(async () => {
      await Promise.all(pages.map((page) => page.close().catch(() => undefined)));
      await Promise.all(containers.map((container) => container.close().catch(() => undefined)));
      await replica.close();
    });
    const track = (page: Page) => (pages.push(page), page);
    let control: Page | null = null;

    const self: Dashboard = {
      replica,
      newPage: async () => track(await firefox.browser.newPage()),
      async newContainerPage() {
        const container = await firefox.browser.createBrowserContext();
        containers.push(container);
        return track(await container.newPage());
      },
      extensionPage: async (path) => track(await firefox.openExtensionPage(path)),
      async tabOpenedBy(action, path) {
        const created = new Promise<Target>((resolve) => firefox.browser.once('targetcreated', resolve));
        await action();
        const page = await (await created).page();
        if (!page) throw new Error('the new tab has no page');
        track(page);
        // BiDi reports nothing of the extension's own loads: wait for the document itself.
        const url = `${firefox.extensionOrigin}/${path}`;
        await eventually(() => page.evaluate(() => `${location.href}|${document.readyState}`), `${url}|complete`);
        return page;
      },
      async inExtension(fn, ...args) {
        control ??= await self.extensionPage('options.html');
        // puppeteer types `evaluate` over its element handles; ours take and return plain data.
        return control.evaluate(fn as (...plain: unknown[]) => unknown, ...args) as Promise<never>;
      },
      async signIn(page, account, { token = 'v1', confirmTenant = ownTenant(account), at = replica.origin } = {}) {
        await page.goto(at + '/login');
        if (token === 'v1') {
          await page.type('#username', account);
          await page.type('#password', passwordOf(account));
          await Promise.all([page.waitForNavigation(), page.click('#login-btn')]);
          assert.equal(page.url(), at + '/');
        } else {
          await page.evaluate(storePageSession, await legacySession(replica.origin, account));
          await page.goto(at + '/');
        }
        if (confirmTenant) tenantConfirmed(confirmTenant, await self.inExtension(confirmTenantInExtension, confirmTenant));
      },
    };
    await self.inExtension(storeDashboardOrigin, replica.origin, false);
    await self.inExtension(withdrawOriginsBeyond, originsAtInstall);
    return self;
  }

  return { firefox, dashboard, close: () => firefox.close() };
}
