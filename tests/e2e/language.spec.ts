/** The language chosen in the options page wins over the browser's, everywhere, live. */
import { test, expect } from './fixtures';

test('choosing English in the options page relabels the open dashboard and the popup', async ({ context, signIn, extensionPage }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  const entry = page.getByTestId('billing-sidebar-entry');
  await expect(entry).toHaveText('Billing e Usage');
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveText('R$ 27,02');

  const options = await extensionPage('options.html');
  await options.getByTestId('options-language').selectOption('en');
  // No reload of the dashboard: the entry follows, words and number formats alike.
  await expect(entry).toHaveText('Billing & Usage');
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveText('R$27.02');
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('billing-overlay-entry').length)).toBe(1);

  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$27.02');
  await expect(popup.getByRole('button', { name: 'Open full dashboard' })).toBeVisible();

  // The options page itself reloaded into English, its language and title with it.
  await expect(options.getByTestId('options-dashboard-add')).toHaveText('Add');
  await expect(options.locator(':root')).toHaveAttribute('lang', 'en');
  await expect(options).toHaveTitle('Billing & Usage — Options');
  await expect(popup.locator(':root')).toHaveAttribute('lang', 'en');
  await expect(popup).toHaveTitle('Billing & Usage');
  // The overlay's own text is marked English, inside its shadow root; the host page stays pt-BR.
  expect(await page.evaluate(() => document.querySelector('billing-overlay-entry')!.shadowRoot!.querySelector('html')!.lang)).toBe('en');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt-BR');
  const full = await extensionPage('billing.html#tenant=BELGO-001');
  await expect(full.locator(':root')).toHaveAttribute('lang', 'en');
  await expect(full).toHaveTitle('Billing & Usage — Full dashboard');
});
