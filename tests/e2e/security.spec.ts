/**
 * Nobody gets in: web pages, other extensions and forged requests are refused; the token stays
 * out of persistent storage and logs; hostile strings from the host render as inert text.
 */
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { askFromContentScript, contentScriptWorld, listenToBackground } from './extension-probes';
import {
  configureDashboard,
  launchWithExtension,
  signIn,
  unpackedExtensionId,
  workerOf,
} from '../tooling/extension-browser';

const HOSTILE_DIR = fileURLToPath(new URL('./hostile-extension', import.meta.url));
const BILLING_PATHS = /^\/api\/(billing|v1\/billing|v1\/admin\/billing)\//;
const XSS = '<img src=x onerror=alert(1)>';

test('another extension gets no answer from ours', async ({ replica }) => {
  const browser = await launchWithExtension({ executablePath: process.env.E2E_CHROMIUM_PATH, otherExtensions: [HOSTILE_DIR] });
  try {
    await configureDashboard(browser.background, replica.origin);
    const page = await browser.context.newPage();
    await signIn(page, replica.origin, 'belgo_admin');
    await expect(page.getByTestId('billing-sidebar-cost')).toBeVisible();
    replica.requests.clear();
    const hostile = await workerOf(browser.context, unpackedExtensionId(HOSTILE_DIR));
    const attempt = await hostile.evaluate(
      ([id, message]) => (self as any).tryToReach(id, message),
      [browser.extensionId, { op: 'billing.get', freshness: 'force' }] as const,
    );
    expect(attempt.answered).toBe(false);
    expect(replica.requests.list().filter((r) => BILLING_PATHS.test(r.path))).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('a web page cannot reach the extension: postMessage and page-world APIs do nothing', async ({ context, signIn, replica, extensionId, background }) => {
  const heard = await listenToBackground(background);
  const page = await context.newPage();
  const inContentScript = await contentScriptWorld(page, extensionId);
  await signIn(page, 'belgo_admin');
  await expect(page.getByTestId('billing-sidebar-cost')).toBeVisible();
  replica.requests.clear();
  const heardBefore = (await heard()).length;
  const pageWorld = await page.evaluate(async (id) => {
    window.postMessage({ op: 'billing.get', freshness: 'force' }, '*');
    window.postMessage({ op: 'tenant.select', tenantId: 'TECH-001' }, '*');
    const runtime = (window as any).chrome?.runtime;
    let sent = 'no runtime';
    if (runtime?.sendMessage) {
      sent = await new Promise<string>((resolve) => {
        try {
          runtime.sendMessage(id, { op: 'billing.get', freshness: 'force' }, () => resolve(runtime.lastError?.message ?? 'answered'));
        } catch (error) {
          resolve(String(error));
        }
      });
    }
    return sent;
  }, extensionId);
  expect(pageWorld).not.toBe('answered');
  // A message from the content script's world now reaches the background after anything that
  // world could have relayed from the page's messages (those were dispatched before it).
  expect(await inContentScript(askFromContentScript({ op: 'access.get' }))).toMatchObject({ ok: true });
  expect((await heard()).slice(heardBefore).map((m) => m.op)).toEqual(['access.get']);
  expect(replica.requests.list().filter((r) => BILLING_PATHS.test(r.path))).toEqual([]);
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveText('R$ 27,02');
});

test('forged tenant ids and URLs are refused, and the host never hears of them', async ({ context, signIn, askBackground, replica }) => {
  await signIn(await context.newPage(), 'belgo_admin');
  await expect.poll(async () => (await askBackground({ op: 'access.get' })).value?.canSeeBilling).toBe(true);
  replica.requests.clear();
  const refused = { ok: false, error: { kind: 'noAccess' } };
  // Not one of belgo_admin's tenants: the host itself would answer (it does not check).
  expect(await askBackground({ op: 'billing.get', tenantId: 'TECH-001', freshness: 'force' })).toEqual(refused);
  expect(await askBackground({ op: 'tenant.select', tenantId: 'TECH-001' })).toEqual(refused);
  for (const forged of [
    { op: 'billing.get', tenantId: '../../api/user/permissions', freshness: 'force' },
    { op: 'billing.get', tenantId: 'BELGO-001?x=1', freshness: 'force' },
    { op: 'billing.get', freshness: 'force', url: 'http://evil.example/' },
    { op: 'fetch', url: `${replica.origin}/api/user/tenants` },
  ]) {
    expect(await askBackground(forged)).toEqual(refused);
  }
  const seen = replica.requests.list().map((r) => r.url);
  expect(seen.filter((url) => /TECH-001|evil|\.\.|x=1/.test(url))).toEqual([]);
});

test('after a full session the token is in no persistent storage and no console', async ({ context, signIn, background, extensionPage }) => {
  const logs: string[] = [];
  context.on('console', (message) => logs.push(message.text()));
  background.on('console', (message) => logs.push(message.text()));
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-total-cost')).toBeVisible();
  await (await extensionPage('popup.html')).getByTestId('popup-total-cost').waitFor();
  await (await extensionPage('options.html')).getByTestId('options-tenant-select').waitFor();
  await page.evaluate(() => localStorage.removeItem('auth_token'));
  await expect(page.locator('billing-overlay-entry')).toHaveCount(0);

  const stored = await background.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    return JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null), await chrome.storage.session.get(null)]);
  });
  // Signed out: not even storage.session holds a token now; and no JWT anywhere, ever.
  expect(stored).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  expect(logs.join('\n')).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/);
});

test('hostile strings in every field the host sends render as inert text', async ({ context, signIn, replica, extensionPage }) => {
  replica.faults.set('/api/user/tenants', {
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({
      success: true,
      current: 'BELGO-001',
      can_switch: false,
      tenants: [{
        tenant_id: 'BELGO-001', name: XSS, slug: XSS, plan: XSS, role: XSS, is_current: true,
        branding: { primary_color: `red;background:url(x)`, secondary_color: XSS, logo_url: XSS, display_name: XSS },
      }],
    }),
  });
  replica.faults.set('/api/billing/invoices', {
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({
      invoices: [{
        invoice_id: XSS, period: XSS, period_start: XSS, period_end: XSS, status: XSS, amount: 12.5, currency: XSS,
        items: [{ description: XSS, amount: 1 }], due_date: XSS, paid_at: XSS, payment_method: XSS, pdf_url: 'javascript:alert(1)',
      }],
    }),
  });
  const dialogs: string[] = [];
  context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); }));
  const page = await context.newPage();
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  // The token with tenant claims: the host lists the tenant (named XSS); a SUPER_ADMIN gets the
  // panel's invoices (admin v1 refuses them).
  await signIn(page, 'platform_admin', { token: 'legacy' });
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-modal')).toContainText(XSS);
  await expect(page.getByTestId('billing-invoice-row')).toContainText(XSS);
  const images = await page.evaluate(() =>
    ['billing-overlay-entry', 'billing-overlay-modal'].reduce(
      (n, tag) => n + (document.querySelector(tag)?.shadowRoot?.querySelectorAll('img, script, iframe').length ?? 0), 0),
  );
  expect(images).toBe(0);

  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-tenant')).toHaveText(XSS);
  const full = await extensionPage('billing.html#tenant=BELGO-001');
  await expect(full.getByTestId('full-tenant')).toHaveText(XSS);
  expect(await popup.locator('img, iframe').count()).toBe(0);
  expect(await full.locator('img, iframe').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
