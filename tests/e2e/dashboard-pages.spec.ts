/**
 * The full page and the tenants overview with two dashboards (#26), in real Chromium: two
 * replicas on two ports, belgo_admin at A and tech_admin at B, A chosen. A full page opened from
 * B's tab shows B's figures and names B; the overview shows a group per dashboard, each with its
 * own figures and totals, whose rows open their tenant's page at their own dashboard; and no
 * token ever goes to the other origin.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { PRODUCTION, STAGING, expectTokensApart, twoDashboards } from './two-dashboards';

// Admin v1 answers on today's host: BELGO-001 and TECH-001 have figures of their own.
test.use({ hostState: 'today' });

const [BELGO, TECH] = ['R$ 27,02', 'R$ 41,50'];
const groupOf = (page: Page, origin: string) => page.locator(`[data-testid="tenant-overview-group"][data-origin="${origin}"]`);
const rowIn = (page: Page, origin: string, id: string) => groupOf(page, origin).locator(`[data-testid="tenant-overview-row"][data-tenant-id="${id}"]`);

/** The full page shows `tenant`'s `cost` and names the dashboard `name` at `origin`. */
async function expectFullPage(page: Page, tenant: string, cost: string, name: string, origin: string): Promise<void> {
  await expect(page.getByTestId('full-tenant')).toHaveText(tenant);
  await expect(page.getByTestId('billing-total-cost')).toHaveText(cost);
  await expect(page.getByTestId('full-dashboard')).toHaveAttribute('data-origin', origin);
  await expect(page.getByTestId('full-dashboard')).toContainText(name);
  await expect(page.getByTestId('full-dashboard')).toContainText(origin);
}

test("the modal's full page on B's tab shows B's tenant and figures and names B, while A is the chosen dashboard", async ({
  context, replica, background,
}) => {
  test.setTimeout(120_000);
  const two = await twoDashboards(context, background, replica);
  try {
    const { B, pageB } = two;
    await pageB.bringToFront();
    await expect(pageB.getByTestId('billing-sidebar-cost')).toHaveText(TECH);
    await pageB.getByTestId('billing-sidebar-entry').click();
    await expect(pageB.getByTestId('billing-modal-tenant')).toHaveText('TECH-001');
    const [full] = await Promise.all([context.waitForEvent('page'), pageB.getByTestId('billing-open-full').click()]);
    await expect(full).toHaveURL(new RegExp(`billing\\.html#tenant=TECH-001&dashboard=${encodeURIComponent(B).replace(/[.%]/g, '\\$&')}$`));
    await expectFullPage(full, 'TECH-001', TECH, STAGING, B);
    // Its alerts are B's tenant's too (asked of B): the section answers, no "unavailable".
    await expect(full.getByTestId('full-section-alerts')).toBeVisible();
    await expect(full.getByTestId('alerts-unavailable')).toHaveCount(0);
    await expectTokensApart(two, replica);
  } finally {
    await two.close();
  }
});

test("the overview groups its rows by dashboard, each with its own figures and totals; each row opens its tenant's page at its own dashboard", async ({
  context, replica, background, extensionPage,
}) => {
  test.setTimeout(120_000);
  const two = await twoDashboards(context, background, replica);
  try {
    const { A, B } = two;
    const page = await extensionPage('billing.html#overview');
    const groups = page.getByTestId('tenant-overview').getByTestId('tenant-overview-group');
    await expect(groups).toHaveCount(2);
    // In the list's order, each headed by its dashboard's name and address.
    expect(await groups.evaluateAll((all) => all.map((g) => g.getAttribute('data-origin')))).toEqual([A, B]);
    await expect(groupOf(page, A).getByRole('heading', { level: 3 })).toHaveText(`${PRODUCTION} ${A}`);
    await expect(groupOf(page, B).getByRole('heading', { level: 3 })).toHaveText(`${STAGING} ${B}`);
    await expect(rowIn(page, A, 'BELGO-001').getByTestId('tenant-overview-cost')).toHaveText(BELGO);
    await expect(rowIn(page, B, 'TECH-001').getByTestId('tenant-overview-cost')).toHaveText(TECH);
    await expect(rowIn(page, A, 'TECH-001')).toHaveCount(0);
    await expect(rowIn(page, B, 'BELGO-001')).toHaveCount(0);
    // Each group its own total; then both added up, per currency (both in reais here).
    await expect(groupOf(page, A).getByTestId('tenant-overview-total-cost')).toHaveText(BELGO);
    await expect(groupOf(page, B).getByTestId('tenant-overview-total-cost')).toHaveText(TECH);
    await expect(page.getByTestId('tenant-overview-grand-total-cost')).toHaveText('R$ 68,52');
    // Several dashboards: the header names none, each group its own.
    await expect(page.getByTestId('full-dashboard')).toHaveCount(0);

    // One CSV for both, each record naming its dashboard.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tenant-overview-export-csv').click()]);
    const lines = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^painel;painel_endereco;tenant_id;tenant;/);
    expect(lines.find((line) => line.includes(';BELGO-001;'))).toMatch(new RegExp(`^${PRODUCTION};${A};BELGO-001;`));
    expect(lines.find((line) => line.includes(';TECH-001;'))).toMatch(new RegExp(`^${STAGING};${B};TECH-001;`));

    // Both groups side by side, in both themes: WCAG 2.2 AA as axe-core measures it.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // B's row opens TECH-001's page at B; A's row, BELGO-001's at A.
    await rowIn(page, B, 'TECH-001').getByTestId('tenant-overview-open').click();
    await expect(page).toHaveURL(/billing\.html#tenant=TECH-001&dashboard=/);
    await expectFullPage(page, 'TECH-001', TECH, STAGING, B);
    await page.goBack();
    await rowIn(page, A, 'BELGO-001').getByTestId('tenant-overview-open').click();
    await expect(page).toHaveURL(/billing\.html#tenant=BELGO-001&dashboard=/);
    await expectFullPage(page, 'BELGO-001', BELGO, PRODUCTION, A);
    await expectTokensApart(two, replica);
  } finally {
    await two.close();
  }
});
