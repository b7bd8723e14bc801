/** The toolbar badge and the budget alert, as the background paints them (issue: popup, badge). */
import { test, expect } from './fixtures';
import { badge } from './overlay-helpers';

test('the badge shows the active tenant\'s cost in green under the host\'s budget', async ({ context, signIn, background }) => {
  const page = await context.newPage();
  // The panel's budget comes only with the token that has tenant claims.
  await signIn(page, 'belgo_admin', { token: 'legacy' });
  // seed: R$ 245,80 of the host's R$ 500,00 budget (49%, under the 80% threshold).
  await expect.poll(() => badge(background)).toEqual({ text: '246', color: '#16a34a' });
});

test('a personal budget over the threshold turns the badge red and alerts once', async ({ context, signIn, background, extensionPage }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin', { token: 'legacy' });
  await expect.poll(async () => (await badge(background)).text).toBe('246');

  const options = await extensionPage('options.html');
  await options.getByTestId('options-budget').fill('200');
  await options.getByTestId('options-budget').press('Tab');
  await expect.poll(() => badge(background)).toEqual({ text: '246', color: '#dc2626' });
  const notifications = () => background.evaluate(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()));
  await expect.poll(notifications).toHaveLength(1);
  expect((await notifications())[0]).toContain('BELGO-001');

  // Another change repaints the badge, but the same period does not alert twice.
  await options.getByTestId('options-alert').fill('90');
  await options.getByTestId('options-alert').press('Tab');
  await page.waitForTimeout(500);
  expect(await notifications()).toHaveLength(1);
});

test('signed out: the badge is empty', async ({ context, signIn, background }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  await expect.poll(async () => (await badge(background)).text).toBe('27');
  await page.evaluate(() => localStorage.removeItem('auth_token'));
  await expect.poll(async () => (await badge(background)).text).toBe('');
});
