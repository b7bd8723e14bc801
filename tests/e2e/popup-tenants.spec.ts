/**
 * Every tenant at a glance in the toolbar popup (issue #24), in real Chromium against the replica
 * as the host is (admin v1, the login page's token): belgo_admin confirms BELGO-001 and types
 * TECH-001 in the options; the popup lists both under the active tenant, each with its own
 * figures; choosing TECH-001 makes it the active tenant, and the popup's figures and the badge
 * follow; "Ver todos" opens the full page's overview. With the active tenant's alerts (#25).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { badge } from './overlay-helpers';
import { adminUsage, monthKey } from '../replica/billing-data';

test.use({ hostState: 'today' });

const NOW = new Date();
const THIS_MONTH = monthKey(new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), 1)));
/** "R$ 27,02", as Intl writes it (a no-break space). */
const reais = (cents: number) => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(cents / 100);
const costOf = (tenantId: string) => reais(adminUsage(tenantId, THIS_MONTH).total_cost_cents);
const rowOf = (page: Page, id: string) => page.locator(`[data-testid="tenant-overview-row"][data-tenant-id="${id}"]`);

/** WCAG 2.2 AA as axe-core measures it, in the light and the dark theme. */
async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
}

/** TECH-001 typed in the options page, as support staff do (it becomes the active one), then BELGO-001 active again. */
async function typeTech(options: Page): Promise<void> {
  await options.getByTestId('options-tenant-add').fill('TECH-001');
  await options.getByTestId('options-tenant-add').press('Enter');
  await expect(options.locator('[data-testid="options-tenant-item"][data-tenant="TECH-001"]')).toBeVisible();
  await options.getByTestId('options-tenant-select').selectOption('BELGO-001');
  await expect(options.getByTestId('options-tenant-select')).toHaveValue('BELGO-001');
  await options.close();
}

test('the popup lists BELGO-001 and TECH-001 with their own figures; choosing TECH-001 makes it active, the figures and the badge follow', async ({
  context, signIn, extensionPage, background,
}) => {
  // Through the login page, BELGO-001 confirmed once (as the person does in the chooser).
  const dashboard = await context.newPage();
  await signIn(dashboard, 'belgo_admin');
  await typeTech(await extensionPage('options.html'));
  const [belgo, tech] = [costOf('BELGO-001'), costOf('TECH-001')];
  expect(belgo).not.toBe(tech);

  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-tenant')).toHaveText('BELGO-001');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText(belgo);
  const list = popup.getByTestId('tenant-overview');
  await expect(list.getByTestId('tenant-overview-row')).toHaveCount(2);
  await expect(rowOf(popup, 'BELGO-001').getByTestId('tenant-overview-cost')).toHaveText(belgo);
  await expect(rowOf(popup, 'TECH-001').getByTestId('tenant-overview-cost')).toHaveText(tech);
  // Each row its own figures: Belgo's LLM tokens far over their plan, and its change since last month.
  await expect(rowOf(popup, 'BELGO-001').getByTestId('tenant-overview-quota')).toHaveText('LLM: 1.050% do incluído');
  await expect(rowOf(popup, 'BELGO-001').getByTestId('tenant-overview-change')).toContainText('em relação a');
  await expect(rowOf(popup, 'BELGO-001').getByRole('button')).toHaveAttribute('aria-current', 'true');
  // The active tenant's alerts: that same quota, past its plan.
  await expect(popup.getByTestId('popup-warnings')).toContainText('Tokens de LLM: 1.050% do plano');
  await expect.poll(async () => (await badge(background)).text).toBe('27');
  await expectAccessible(popup);

  // Keyboard only: the row is a button.
  await rowOf(popup, 'TECH-001').getByRole('button').focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('popup-tenant')).toHaveText('TECH-001');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText(tech);
  await expect(rowOf(popup, 'TECH-001').getByRole('button')).toHaveAttribute('aria-current', 'true');
  await expect(rowOf(popup, 'BELGO-001').getByRole('button')).not.toHaveAttribute('aria-current');
  // The list stays, each row still its own tenant's figures.
  await expect(rowOf(popup, 'BELGO-001').getByTestId('tenant-overview-cost')).toHaveText(belgo);
  await expect(rowOf(popup, 'TECH-001').getByRole('button')).toBeFocused();
  await expect.poll(async () => (await badge(background)).text).toBe('42');
  // Everywhere: a popup opened now, and the dashboard's own entry.
  const next = await extensionPage('popup.html');
  await expect(next.getByTestId('popup-tenant')).toHaveText('TECH-001');
  await expect(dashboard.getByTestId('billing-sidebar-cost')).toHaveText(tech);
});

test('"Ver todos" opens the full page\'s overview in a tab', async ({ context, signIn, extensionPage }) => {
  // Through the login page, BELGO-001 confirmed once (as the person does in the chooser).
  const dashboard = await context.newPage();
  await signIn(dashboard, 'belgo_admin');
  await typeTech(await extensionPage('options.html'));
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('tenant-overview-row')).toHaveCount(2);
  const opened = context.waitForEvent('page');
  await popup.getByRole('link', { name: 'Ver todos os tenants na página completa' }).click();
  const overview = await opened;
  await expect(overview).toHaveURL(/\/billing\.html#overview$/);
  await expect(overview.getByTestId('tenant-overview').getByTestId('tenant-overview-row')).toHaveCount(2);
});
