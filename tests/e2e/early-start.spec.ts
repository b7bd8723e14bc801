/**
 * The session reaches the background from the page's first byte (the content script runs at
 * document_start): access is checked and the figures are fetched while the host's page is
 * still loading, and only the overlay waits for the sidebar Vue mounts.
 */
import { test, expect } from './fixtures';

test.use({ hostState: 'today' });

test('the session is reported and the figures fetched before the sidebar exists', async ({ context, signIn, background, replica }) => {
  const first = await context.newPage();
  await signIn(first, 'belgo_admin');
  // The first tab's own figures are in: no request of its is still on the way to the host.
  await expect(first.getByTestId('billing-sidebar-cost')).toHaveText('R$ 27,02');
  // As after a browser restart: nothing of the session or the figures is left in the background.
  await background.evaluate(() => (globalThis as any).chrome.storage.session.clear());
  // The host's page cannot mount while its Vue script is held back.
  replica.faults.set('/static/vue.global.prod.js', { delayMs: 30_000 });
  replica.requests.clear();
  const page = await context.newPage();
  await page.goto(replica.origin + '/', { waitUntil: 'commit' });

  await expect.poll(() => replica.requests.count('/api/v1/admin/billing/usage/BELGO-001')).toBe(1);
  const session = await background.evaluate(async () => (await (globalThis as any).chrome.storage.session.get('sessions')).sessions);
  expect(Object.keys(session ?? {})).toEqual([replica.origin]);
  // All of it happened with the page unmounted, and nothing of ours is in it yet.
  expect(await page.evaluate(() => document.querySelector('#app[data-v-app]') === null)).toBe(true);
  expect(await page.evaluate(() => document.querySelector('billing-overlay-entry, billing-overlay-modal') === null)).toBe(true);
});

test('the overlay still waits for the sidebar, then shows the figures fetched meanwhile', async ({ context, signIn, background, replica }) => {
  const first = await context.newPage();
  await signIn(first, 'belgo_admin');
  await expect(first.getByTestId('billing-sidebar-cost')).toHaveText('R$ 27,02');
  await background.evaluate(() => (globalThis as any).chrome.storage.session.clear());
  replica.faults.set('/static/vue.global.prod.js', { delayMs: 3_000, times: 1 });
  replica.requests.clear();
  const page = await context.newPage();
  await page.goto(replica.origin + '/', { waitUntil: 'commit' });
  await expect.poll(() => replica.requests.count('/api/v1/admin/billing/usage/BELGO-001')).toBe(1);
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveText('R$ 27,02');
  // Placed where the host's sidebar has room for it, once Vue mounted it.
  expect(await page.evaluate(() => !!document.querySelector('#app[data-v-app] aside.sidebar-desktop billing-overlay-entry'))).toBe(true);
  expect(replica.requests.count('/api/v1/admin/billing/usage/BELGO-001')).toBe(1);
});
