/**
 * Tenant truth: figures only for a tenant the server vouches for or the person confirmed, under
 * that tenant's name. People sign in through the replica's login page, which (like the host's)
 * writes current_tenant = BELGO-001 for everyone: that guess is never fetched on.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { badge } from './overlay-helpers';

const BILLING_PATHS = /^\/api\/(billing|v1\/billing|v1\/admin\/billing)\//;

test.use({ hostState: 'today' });

/** The chooser in `page` (its field starts empty): the person's own answer. */
async function confirmIn(page: Page, tenantId: string): Promise<void> {
  await page.getByTestId('tenant-choice-input').fill(tenantId);
  await page.getByTestId('tenant-choice-confirm').click();
}

test('tech_admin, signed in through the login page, sees no Belgo figure anywhere until they confirm TECH-001', async ({
  context, signIn, replica, background, extensionPage,
}) => {
  const page = await context.newPage();
  await signIn(page, 'tech_admin', { confirmTenant: false });
  expect(await page.evaluate(() => localStorage.getItem('current_tenant'))).toBe('BELGO-001');

  await page.getByTestId('billing-sidebar-entry').click();
  const modal = page.getByTestId('billing-modal');
  await expect(modal.getByTestId('tenant-choice')).toBeVisible();
  await expect(modal.getByTestId('tenant-choice-input')).toHaveValue('');
  await expect(modal).toContainText('O servidor não confirmou a qual tenant você pertence');
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveCount(0);

  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'tenantUnconfirmed');
  await expect(popup.getByTestId('tenant-choice')).toBeVisible();
  const full = await extensionPage('billing.html');
  await expect(full.getByTestId('tenant-choice')).toBeVisible();
  const options = await extensionPage('options.html');
  await expect(options.getByTestId('options-tenants-none')).toBeVisible();
  await expect(options.getByTestId('options-tenants')).toContainText('tech_admin');
  // Every surface has had its answer (the chooser): the host heard of no billing request at all.
  expect(replica.requests.list().filter((r) => BILLING_PATHS.test(r.path))).toEqual([]);
  expect((await badge(background)).text).toBe('');
  for (const surface of [modal, popup.locator('body'), full.locator('body'), options.locator('body')]) {
    // No amount (the options page names the currency of a budget, which is no figure).
    await expect(surface).not.toContainText(/R\$\s*\d/);
    await expect(surface).not.toContainText('Belgo');
  }

  await confirmIn(page, 'tech-001');
  await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 41,50');
  await expect(modal).toContainText('TECH-001');
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveText('R$ 41,50');
  // The popup and the full page were open: they follow the choice live.
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 41,50');
  await expect(full.getByTestId('billing-total-cost')).toHaveText('R$ 41,50');
  await expect.poll(async () => (await badge(background)).text).toBe('42');
  expect(replica.requests.list().filter((r) => r.url.includes('BELGO-001'))).toEqual([]);
});

test('tech_admin through the login page: an empty chooser, the guess only said; after confirming, Esc closes and focus goes back to the entry', async ({
  context, signIn,
}) => {
  const page = await context.newPage();
  await signIn(page, 'tech_admin', { confirmTenant: false });
  const entry = page.getByTestId('billing-sidebar-entry');
  await entry.click();
  const modal = page.getByTestId('billing-modal');
  const input = modal.getByTestId('tenant-choice-input');
  // The page's BELGO-001 is no answer: neither the field's value nor its placeholder, only a sentence.
  await expect(input).toHaveValue('');
  await expect(input).not.toHaveAttribute('placeholder');
  await expect(modal.getByTestId('tenant-choice')).toContainText('A página sugere BELGO-001 — confirme apenas se for o seu.');

  await confirmIn(page, 'TECH-001');
  await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 41,50');
  // The chooser and its button are gone: focus stayed in the dialog, so Esc still closes it.
  await expect(page.getByTestId('billing-modal-body')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();
  await expect(entry).toBeFocused();
});

test('a support person who types TECH-01 for TECH-001 is asked to check the id: the host answers zeros for any id', async ({
  context, signIn, extensionPage,
}) => {
  // Admin v1 answers an id it does not know with a 200 of zeros, as the host does (the replica too).
  const page = await context.newPage();
  await signIn(page, 'tech_admin', { confirmTenant: false });
  await page.getByTestId('billing-sidebar-entry').click();
  await confirmIn(page, 'TECH-01');
  await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 0,00');
  const note = 'O servidor também responde zeros para IDs de tenant que não conhece: confira se TECH-01 é o ID certo.';
  await expect(page.getByTestId('billing-unknown-tenant')).toContainText(note);
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('billing-unknown-tenant')).toContainText(note);
  const full = await extensionPage('billing.html');
  await expect(full.getByTestId('billing-unknown-tenant')).toContainText(note);

  // The right id: its figures, and no such note.
  await popup.close();
  const options = await extensionPage('options.html');
  await options.getByTestId('options-tenant-add').fill('TECH-001');
  await options.getByTestId('options-tenant-add').press('Enter');
  await expect(full.getByTestId('billing-total-cost')).toHaveText('R$ 41,50');
  await expect(full.getByTestId('billing-unknown-tenant')).toHaveCount(0);
});

test('belgo_admin confirms once in the popup and is not asked again on the next visit or sign-in', async ({
  context, signIn, extensionPage,
}) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin', { confirmTenant: false });
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('tenant-choice-input')).toHaveValue('');
  await confirmIn(popup, 'BELGO-001');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 27,02');
  await expect(popup.getByTestId('popup-tenant')).toHaveText('BELGO-001');

  await page.reload();
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveText('R$ 27,02');
  // A new sign-in is a new token for the same person: still remembered.
  await signIn(page, 'belgo_admin', { confirmTenant: false });
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 27,02');
  await expect(page.getByTestId('tenant-choice')).toHaveCount(0);
});

test('a second person on the same browser profile does not inherit the first one\'s tenants', async ({
  context, signIn, extensionPage,
}) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  const options = await extensionPage('options.html');
  await options.getByTestId('options-tenant-add').fill('startup-001');
  await options.getByTestId('options-tenant-add').press('Enter');
  await expect(options.locator('[data-testid="options-tenant-item"][data-tenant="STARTUP-001"]')).toBeVisible();
  await expect(options.locator('[data-testid="options-tenant-item"]')).toHaveCount(2);

  // The host's login page, in the same tab: another person signs in.
  await signIn(page, 'tech_admin', { confirmTenant: false });
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'tenantUnconfirmed');
  await options.reload();
  await expect(options.getByTestId('options-tenants')).toContainText('tech_admin');
  await expect(options.getByTestId('options-tenants-none')).toBeVisible();
  await expect(options.locator('body')).not.toContainText('STARTUP-001');
  await expect(options.locator('body')).not.toContainText('BELGO-001');
});

test('a typed tenant can be removed again in the options page', async ({ context, signIn, extensionPage }) => {
  await signIn(await context.newPage(), 'belgo_admin');
  const options = await extensionPage('options.html');
  const item = options.locator('[data-testid="options-tenant-item"][data-tenant="BELGO-001"]');
  await expect(item).toContainText('escolhido por você');
  await item.getByTestId('options-tenant-remove').click();
  await expect(options.getByTestId('options-tenants-none')).toBeVisible();
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'tenantUnconfirmed');
});

test('a slow answer for the previous tenant never reaches the badge', async ({ context, signIn, replica, background, askBackground }) => {
  await signIn(await context.newPage(), 'belgo_admin', { confirmTenant: false });
  replica.faults.set('/api/v1/admin/billing/usage/BELGO-001', { delayMs: 2500 });
  expect((await askBackground({ op: 'tenant.choose', tenantId: 'BELGO-001' })).ok).toBe(true);
  // The badge is now waiting for BELGO's slow answer; the person switches on meanwhile.
  await expect.poll(() => replica.requests.list().some((r) => r.url.includes('/usage/BELGO-001'))).toBe(true);
  expect((await askBackground({ op: 'tenant.choose', tenantId: 'TECH-001' })).ok).toBe(true);
  await expect.poll(async () => (await badge(background)).text).toBe('42');
  // BELGO's answer has now arrived (the background cached it): it must not have repainted.
  await expect
    .poll(() => background.evaluate(async () => Object.keys(await (globalThis as any).chrome.storage.session.get(null))))
    .toContainEqual(expect.stringContaining('|BELGO-001'));
  expect((await badge(background)).text).toBe('42');
});

test('the full page and the popup follow a sign-out and a change of person', async ({ context, signIn, extensionPage }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  const full = await extensionPage('billing.html#tenant=BELGO-001');
  const popup = await extensionPage('popup.html');
  await expect(full.getByTestId('billing-total-cost')).toHaveText('R$ 27,02');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 27,02');

  await signIn(page, 'tech_admin', { confirmTenant: false });
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'tenantUnconfirmed');
  await expect(full.getByTestId('tenant-choice')).toBeVisible();
  await expect(full.getByTestId('billing-total-cost')).toHaveCount(0);

  await page.evaluate(() => localStorage.clear());
  await expect(full.getByTestId('billing-error')).toHaveText('Sua sessão no Dashboard Agile terminou');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'signedOut');
});
