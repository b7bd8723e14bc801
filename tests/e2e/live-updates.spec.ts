/** The entry and modal follow the person without a reload: tenant switch, sign-in, reloads. */
import { test, expect } from './fixtures';
import { entryPlacement } from './overlay-helpers';

test('a tenant switch from the options page reaches an open modal, never mixing tenants', async ({ context, signIn, extensionPage, replica, askBackground }) => {
  // The new tenant's answer is slow, so a stale view would have time to show.
  replica.faults.set('/api/v1/admin/billing/usage/TECH-001', { delayMs: 800 });
  const page = await context.newPage();
  // Support staff: their own tenant, and one they added by hand (admin v1 answers any tenant).
  await signIn(page, 'belgo_admin');
  expect((await askBackground({ op: 'tenant.choose', tenantId: 'TECH-001' })).ok).toBe(true);
  expect((await askBackground({ op: 'tenant.select', tenantId: 'BELGO-001' })).ok).toBe(true);
  await page.getByTestId('billing-sidebar-entry').click();
  const modal = page.getByTestId('billing-modal');
  await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 27,02');
  await expect(modal).toContainText('BELGO-001');

  // Watch every frame of the modal: BELGO's total must never stand under TECH-001's name.
  await page.evaluate(() => {
    const host = document.querySelector('billing-overlay-modal')!;
    (window as any).__mixed = false;
    new MutationObserver(() => {
      const text = host.shadowRoot!.textContent ?? '';
      if (text.includes('TECH-001') && text.includes('27,02')) (window as any).__mixed = true;
    }).observe(host.shadowRoot!, { subtree: true, childList: true, characterData: true });
  });

  const options = await extensionPage('options.html');
  await options.getByTestId('options-tenant-select').selectOption('TECH-001');
  await expect(modal).toContainText('TECH-001');
  await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 41,50');
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveText('R$ 41,50');
  expect(await page.evaluate(() => (window as any).__mixed)).toBe(false);
});

test('signing in without a reload brings the entry', async ({ context, replica, background }) => {
  void background;
  const page = await context.newPage();
  await page.goto(replica.origin + '/');
  await expect(page.locator('.sidebar-desktop')).toBeAttached();
  await expect(page.locator('billing-overlay-entry')).toHaveCount(0);
  const login = await fetch(replica.origin + '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'belgo_admin', password: 'Belgo@Admin#2025' }),
  }).then((r) => r.json());
  await page.evaluate((token) => localStorage.setItem('auth_token', token), login.access_token);
  // seed: admin v1's real figures.
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveText('R$ 27,02');
});

test('with the login page\'s token (no projects, no Analytics) the entry still has a sensible place', async ({ context, signIn }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin', 'v1');
  await expect(page.getByTestId('billing-sidebar-entry')).toBeVisible();
  // No Analytics section: the entry waits right after the action buttons.
  expect(await entryPlacement(page)).toEqual({ count: 1, after: 'space-y-2' });
});

test('an extension reload leaves no orphan entry behind, and the host page keeps working', async ({ context, signIn, background }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'belgo_admin');
  await expect(page.getByTestId('billing-sidebar-entry')).toBeVisible();
  await background.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined);
  // The old content script notices its extension is gone and takes its entry with it.
  await expect(page.locator('billing-overlay-entry')).toHaveCount(0);
  await page.locator('#host-counter').click();
  await expect(page.locator('#host-counter')).toHaveText('Cliques: 1');
  expect(errors).toEqual([]);
});

test('the host\'s own sign-out (to /login) reaches the extension: the popup says signed out', async ({ context, signIn, extensionPage }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  await expect(page.getByTestId('billing-sidebar-cost')).toBeVisible();
  await page.locator('.logout-btn').click();
  await page.waitForURL(/\/login$/);
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'signedOut');
});
