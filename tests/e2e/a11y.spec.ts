/**
 * WCAG 2.2 AA, measured by axe-core in real Chromium: every surface (the sidebar entry and
 * the modal inside their shadow roots, the popup, the options page, the full page, the first-run
 * page, the privacy policy) in each of its states (ready, loading, error, stale; signed out where
 * the surface has it), light and dark. Only our own UI is analysed: the host page is not ours to fix.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { USAGE_ENDPOINTS } from './fault-cases';
import type { Replica } from '../replica/server';
import { configureDashboard } from '../tooling/extension-browser';
import { storeSettings } from '../tooling/page-steps';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
// Each test runs axe several times (a few seconds each on a busy 2-core machine).
test.describe.configure({ timeout: 180_000 });
type Theme = 'light' | 'dark';

/** Runs axe on `page` (or inside `include`, shadow hosts: axe descends into open shadow roots). */
async function violationsOf(page: Page, include?: string | string[]) {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  for (const host of typeof include === 'string' ? [include] : (include ?? [])) builder = builder.include(host);
  return (await builder.analyze()).violations;
}

async function expectAccessible(page: Page, label: string, include?: string | string[]): Promise<void> {
  const violations = await violationsOf(page, include);
  const summary = violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`),
  }));
  expect(summary, `${label}: axe violations`).toEqual([]);
}

const failUsage = (replica: Replica) => {
  for (const prefix of USAGE_ENDPOINTS) replica.faults.set(prefix, { status: 502, body: 'Bad Gateway', contentType: 'text/plain' });
};
/**
 * Holds the figures back for about half a minute: each family's usage says after 9 s (under
 * the 10 s timeout) that it is not there (404), so the background walks all three in turn.
 */
const holdUsage = (replica: Replica) => {
  for (const prefix of USAGE_ENDPOINTS) replica.faults.set(prefix, { delayMs: 9000, status: 404, body: '{"detail":"Not Found"}', contentType: 'application/json' });
};

async function setHostDark(page: Page, theme: Theme): Promise<void> {
  const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
  if (dark !== (theme === 'dark')) await page.locator('.dark-mode-toggle').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(theme === 'dark');
}

test('the check itself: axe sees into the overlay\'s shadow root', async ({ context, signIn }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin', { token: 'legacy' });
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-total-cost')).toBeVisible();
  await page.evaluate(() => {
    const faint = document.createElement('p');
    faint.textContent = 'texto claro demais';
    faint.style.cssText = 'color:#d1d5db;background:#fff';
    document.querySelector('billing-overlay-modal')!.shadowRoot!.querySelector('[role="dialog"]')!.append(faint);
  });
  const violations = await violationsOf(page, 'billing-overlay-modal');
  expect(violations.map((v) => v.id)).toContain('color-contrast');
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(theme, () => {
    test('dashboard, loading: the entry and the modal while the host holds its answer', async ({ context, signIn, replica }) => {
      holdUsage(replica);
      const page = await context.newPage();
      // The host's theme from its first paint (its own stored choice): the hold is short.
      await page.addInitScript((dark) => localStorage.setItem('factory-dark-mode', String(dark)), theme === 'dark');
      // The token's claims vouch for the tenant: no need to wait for the (held) listing here.
      await signIn(page, 'belgo_admin', { token: 'legacy', confirmTenant: false });
      await expect(page.getByTestId('billing-sidebar-loading')).toBeVisible();
      await page.getByTestId('billing-sidebar-entry').click();
      await expect(page.getByTestId('billing-loading')).toBeVisible();
      await setHostDark(page, theme);
      // One axe run over both while they load.
      await expectAccessible(page, 'entry and modal loading', ['billing-overlay-entry', 'billing-overlay-modal']);
      await expect(page.getByTestId('billing-loading')).toBeVisible();
    });

    test('dashboard, error then ready then stale: the entry and the modal', async ({ context, signIn, replica }) => {
      failUsage(replica);
      const page = await context.newPage();
      await signIn(page, 'belgo_admin', { token: 'legacy' });
      await setHostDark(page, theme);
      await expect(page.getByTestId('billing-sidebar-error')).toBeVisible();
      await expectAccessible(page, 'entry error', 'billing-overlay-entry');
      await page.getByTestId('billing-sidebar-entry').click();
      await expect(page.getByTestId('billing-error')).toBeVisible();
      await expectAccessible(page, 'modal error', 'billing-overlay-modal');

      replica.faults.clear();
      await page.getByTestId('billing-retry').click();
      // An ADMIN's figures (admin v1): the quota meters and the change since last month.
      await expect(page.getByTestId('billing-quota-llm-over')).toBeVisible();
      await expect(page.getByTestId('billing-vs-last-month')).toBeVisible();
      await expectAccessible(page, 'modal ready', 'billing-overlay-modal');

      failUsage(replica);
      await page.getByTestId('billing-refresh').click();
      await expect(page.getByTestId('billing-stale')).toBeVisible();
      await expectAccessible(page, 'modal stale', 'billing-overlay-modal');
      await page.getByTestId('billing-close').click();
      await expect(page.getByTestId('billing-sidebar-stale')).toBeVisible();
      await expectAccessible(page, 'entry stale', 'billing-overlay-entry');
    });

    for (const surface of ['popup', 'full'] as const) {
      const path = surface === 'popup' ? 'popup.html' : 'billing.html#tenant=BELGO-001';
      const ids = surface === 'popup' ? { total: 'popup-total-cost', refresh: 'popup-refresh', retry: 'popup-retry' }
        : { total: 'billing-total-cost', refresh: 'full-refresh', retry: 'billing-retry' };
      const open = async (extensionPage: (path: string) => Promise<Page>) => {
        const page = await extensionPage(path);
        await page.emulateMedia({ colorScheme: theme });
        return page;
      };

      test(`${surface}: never signed in, then loading`, async ({ context, signIn, extensionPage, replica }) => {
        const first = await open(extensionPage);
        await expect(first.getByTestId('billing-state')).toHaveAttribute('data-state', 'neverSignedIn');
        await expectAccessible(first, `${surface} never signed in`);
        holdUsage(replica);
        await signIn(await context.newPage(), 'belgo_admin', { token: 'legacy', confirmTenant: false });
        const page = await open(extensionPage);
        await expect(page.getByTestId('billing-loading')).toBeVisible();
        await expectAccessible(page, `${surface} loading`);
      });

      test(`${surface}: error, then ready, then stale`, async ({ context, signIn, extensionPage, replica }) => {
        failUsage(replica);
        await signIn(await context.newPage(), 'belgo_admin', { token: 'legacy' });
        const page = await open(extensionPage);
        await expect(page.getByTestId('billing-error')).toBeVisible();
        await expectAccessible(page, `${surface} error`);
        replica.faults.clear();
        await page.getByTestId(ids.retry).click();
        await expect(page.getByTestId(ids.total)).toBeVisible();
        await expectAccessible(page, `${surface} ready`);
        failUsage(replica);
        await page.getByTestId(ids.refresh).click();
        await expect(page.getByTestId('billing-stale')).toBeVisible();
        await expectAccessible(page, `${surface} stale`);
      });
    }

    test('the panel\'s figures, marked simulated: the modal with its invoices, the popup and the full page', async ({ context, signIn, extensionPage }) => {
      const page = await context.newPage();
      // A SUPER_ADMIN, whom admin v1 refuses: the seed's panel answers, with every part.
      await signIn(page, 'platform_admin', { token: 'legacy' });
      await setHostDark(page, theme);
      await page.getByTestId('billing-sidebar-entry').click();
      await expect(page.getByTestId('billing-simulated')).toBeVisible();
      await expect(page.getByTestId('billing-invoice-row').first()).toBeVisible();
      await expectAccessible(page, 'modal simulated', 'billing-overlay-modal');
      for (const [path, ready] of [['popup.html', 'popup-total-cost'], ['billing.html#tenant=BELGO-001', 'full-projection-contradiction']] as const) {
        const other = await extensionPage(path);
        await other.emulateMedia({ colorScheme: theme });
        await expect(other.getByTestId('billing-simulated')).toBeVisible();
        await expect(other.getByTestId(ready)).toBeVisible();
        await expectAccessible(other, `${path} simulated`);
      }
    });

    test('an ADMIN\'s months on the full page: the trend and estimate, a month back, a month loading, a month that failed', async ({ context, signIn, extensionPage, replica }) => {
      await signIn(await context.newPage(), 'belgo_admin');
      const page = await extensionPage('billing.html#tenant=BELGO-001');
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.getByTestId('full-trend-bar')).toHaveCount(6);
      await expect(page.getByTestId('billing-vs-last-month')).toBeVisible();
      await expect(page.getByTestId('full-estimate')).toBeVisible();
      await expectAccessible(page, 'full page, current month');
      await page.getByTestId('full-month-prev').click();
      await expect(page.getByTestId('full-month-next')).toBeEnabled();
      await expect(page.getByTestId('full-current-month-only').first()).toBeVisible();
      await expectAccessible(page, 'full page, last month');
      // The trend has asked for six months back so far: seven back is asked for on the way
      // there, held (loading), then refused (a month that failed).
      replica.faults.set('/api/v1/admin/billing/usage/', { delayMs: 9000, status: 500, body: 'Internal Server Error', contentType: 'text/plain' });
      for (let k = 0; k < 6; k++) await page.getByTestId('full-month-prev').click();
      await expect(page.getByTestId('full-month-loading')).toBeVisible();
      await expectAccessible(page, 'full page, a month loading');
      await expect(page.getByTestId('full-month-error')).toBeVisible({ timeout: 20_000 });
      await expectAccessible(page, 'full page, a month that failed');
    });

    test('the tenant chooser: in the modal, the popup and the full page', async ({ context, signIn, extensionPage }) => {
      const page = await context.newPage();
      // The host's login page vouches for no tenant: the person is asked to confirm theirs.
      await signIn(page, 'belgo_admin', { confirmTenant: false });
      await setHostDark(page, theme);
      await page.getByTestId('billing-sidebar-entry').click();
      await expect(page.getByTestId('tenant-choice')).toBeVisible();
      await expectAccessible(page, 'modal tenant chooser', 'billing-overlay-modal');
      await page.getByTestId('tenant-choice-input').fill('../x');
      await page.getByTestId('tenant-choice-confirm').click();
      await expect(page.getByTestId('tenant-choice-problem')).toBeVisible();
      await expectAccessible(page, 'modal tenant chooser, refused', 'billing-overlay-modal');
      for (const path of ['popup.html', 'billing.html']) {
        const other = await extensionPage(path);
        await other.emulateMedia({ colorScheme: theme });
        await expect(other.getByTestId('tenant-choice')).toBeVisible();
        await expectAccessible(other, `${path} tenant chooser`);
      }
    });

    test('options: first run, loading, signed in with a typed tenant, connection checked', async ({ context, signIn, extensionPage, replica }) => {
      const open = async () => {
        const page = await extensionPage('options.html');
        await page.emulateMedia({ colorScheme: theme });
        return page;
      };
      const first = await open();
      await expect(first.getByTestId('billing-state')).toHaveAttribute('data-state', 'neverSignedIn');
      await expectAccessible(first, 'options never signed in');
      await first.getByTestId('options-check').click();
      await expect(first.getByTestId('options-check-result')).toBeVisible();
      await expectAccessible(first, 'options check, never signed in');

      replica.faults.set('/api/user/tenants', { delayMs: 30_000 });
      await signIn(await context.newPage(), 'belgo_admin', { token: 'legacy' });
      const loading = await open();
      await expect(loading.getByTestId('options-tenants-loading')).toBeVisible();
      await expectAccessible(loading, 'options loading');
      await loading.close();
      replica.faults.clear();
    });

    test('first-run page: as opened, an address refused, access missing, connection checked; the privacy policy', async ({ background, extensionPage }) => {
      const open = async (path: string) => {
        const page = await extensionPage(path);
        await page.emulateMedia({ colorScheme: theme });
        return page;
      };
      const welcome = await open('welcome.html');
      await expect(welcome.getByTestId('welcome-picture')).toBeVisible();
      await expectAccessible(welcome, 'first run');
      await welcome.getByTestId('options-dashboard-add-origin').fill('ftp://agile.example.com');
      await welcome.getByTestId('options-dashboard-add').click();
      await expect(welcome.getByTestId('options-origin-message')).toBeVisible();
      await welcome.getByTestId('options-check').click();
      await expect(welcome.getByTestId('options-check-result')).toBeVisible();
      await expectAccessible(welcome, 'first run, address refused, connection checked');
      await configureDashboard(background, 'https://agile.example.com', { waitForOverlay: false });
      await expect(welcome.getByTestId('options-access-missing')).toBeVisible();
      await expectAccessible(welcome, 'first run, access missing');
      const policy = await open('privacy.html');
      await expect(policy.getByTestId('privacy-policy')).toBeVisible();
      await expectAccessible(policy, 'privacy policy');
    });

    test('options: two dashboards, one out of reach; an address refused; a removal asked', async ({ background, extensionPage, replica }) => {
      await background.evaluate(storeSettings, {
        dashboards: [{ name: 'Produção', origin: replica.origin }, { name: 'Homologação', origin: 'https://agile.example.com' }],
        dashboardOrigin: replica.origin,
      });
      const page = await extensionPage('options.html');
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.getByTestId('options-access-missing')).toBeVisible();
      await page.getByTestId('options-dashboard-add-origin').fill('ftp://agile.example.com');
      await page.getByTestId('options-dashboard-add').click();
      await expect(page.getByTestId('options-origin-message')).toBeVisible();
      await page.getByRole('button', { name: 'Remover Homologação' }).click();
      await expect(page.getByTestId('options-dashboard-remove-question')).toBeVisible();
      await expectAccessible(page, 'options, two dashboards, removal asked');
    });

    test('options: ready, every change confirmed, connection checked', async ({ context, signIn, extensionPage }) => {
      await signIn(await context.newPage(), 'belgo_admin', { token: 'legacy' });
      const page = await extensionPage('options.html');
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.getByTestId('options-tenant-select')).toBeVisible();
      await page.getByTestId('options-tenant-add').fill('abc');
      await page.getByTestId('options-tenant-add').press('Enter');
      await expect(page.getByTestId('options-tenant-item')).toHaveCount(1);
      await page.getByTestId('options-budget').fill('500');
      await page.getByTestId('options-budget').press('Tab');
      await expect(page.getByTestId('options-budget-saved')).toBeVisible();
      await page.getByTestId('options-check').click();
      await expect(page.getByTestId('options-check-result')).toContainText('belgo_admin');
      await expectAccessible(page, 'options ready');
    });
  });
}
