/**
 * The content script says nothing to the page it runs in: a page cannot tell from messages or
 * events that the extension is installed, nor stop it by posting what a newer copy of it would.
 * Only the extension's own reload or update ends it (lib/content/quiet-start.ts; the reload in
 * live-updates.spec.ts).
 */
import { test, expect } from './fixtures';
import { extensionTraces, recordExtensionTraces, replayWxtStartMessage } from './page-listener';

test('a page listening from its first byte hears no message or event of the extension', async ({ context, signIn, extensionId }) => {
  const page = await context.newPage();
  // Before any navigation: it runs in each document before our document_start script.
  await page.addInitScript(recordExtensionTraces, extensionId);
  await signIn(page, 'belgo_admin');
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 27,02');
  expect(await page.evaluate(extensionTraces)).toEqual([]);
});

test('a page replaying WXT\'s start message does not stop the overlay', async ({ context, signIn, extensionId }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveText('R$ 27,02');
  await page.evaluate(replayWxtStartMessage, extensionId);
  await expect(page.locator('billing-overlay-entry')).toHaveCount(1);
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 27,02');
});
