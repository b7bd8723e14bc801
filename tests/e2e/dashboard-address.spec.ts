/**
 * The dashboards' addresses: the overlay runs on those origins only, and follows the list when a
 * dashboard is added or removed (another port of the same host included), or when its
 * registration was lost.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startReplica } from '../replica/server';
import { overlayRegisteredFor, signIn as signInAt } from '../tooling/extension-browser';
import { AFTER_SETTINGS_READ, contentScriptWorld, contentScriptWorlds } from './extension-probes';
import { watchForOverlay } from './overlay-helpers';

/** Adds a dashboard in the options page; `said`: what the page answers. */
async function addDashboard(options: Page, origin: string, said: string): Promise<void> {
  await options.getByTestId('options-dashboard-add-origin').fill(origin);
  await options.getByTestId('options-dashboard-add').click();
  await expect(options.getByTestId('options-origin-message')).toHaveText(said);
}

async function removeDashboard(options: Page, origin: string): Promise<void> {
  const row = options.locator(`[data-testid="options-dashboard-row"][data-origin="${origin}"]`);
  await row.getByTestId('options-dashboard-remove').click();
  await row.getByTestId('options-dashboard-remove-confirm').click();
  await expect(row).toHaveCount(0);
}

test('a dashboard moved to another port: added there and removed from the old one, the new address runs the overlay, the old one no more', async ({
  context, replica, signIn, background, extensionPage, extensionId,
}) => {
  const moved = await startReplica({ port: 0, state: 'seed', loginRateLimit: false });
  try {
    const before = await context.newPage();
    await signIn(before, 'belgo_admin');
    await expect(before.getByTestId('billing-sidebar-cost')).toHaveText('R$ 27,02');

    const options = await extensionPage('options.html');
    await addDashboard(options, moved.origin, `Adicionado: ${moved.origin}. É o escolhido agora.`);
    await overlayRegisteredFor(background, moved.origin);
    await removeDashboard(options, replica.origin);
    const after = await context.newPage();
    await signInAt(after, moved.origin, 'belgo_admin');
    await expect(after.getByTestId('billing-sidebar-cost')).toHaveText('R$ 27,02');
    await after.getByTestId('billing-sidebar-entry').click();
    await expect(after.getByTestId('billing-total-cost')).toHaveText('R$ 27,02');

    // The old port is just another local page now. Match patterns have no port, so the script
    // is injected there, reads the stored address and stops: once that read is answered, it
    // would have placed the entry.
    const seen = await watchForOverlay(before);
    const inContentScript = await contentScriptWorld(before, extensionId);
    await before.reload();
    await expect(before.locator('.sidebar-desktop')).toBeAttached();
    expect(await inContentScript(AFTER_SETTINGS_READ)).toBe(true);
    expect(await seen()).toBe(false);
    expect(replica.origin).not.toBe(moved.origin);
  } finally {
    await moved.close();
  }
});

test('adding the same address again repairs a registration the browser lost', async ({ context, replica, signIn, background, extensionPage, extensionId }) => {
  await background.evaluate(() => (globalThis as any).chrome.scripting.unregisterContentScripts());
  const lost = await context.newPage();
  const seen = await watchForOverlay(lost);
  const worlds = await contentScriptWorlds(lost, extensionId);
  // goto waits for `load`: a script registered for document_idle would be injected by then.
  await lost.goto(replica.origin + '/');
  await expect(lost.locator('.sidebar-desktop')).toBeAttached();
  expect(await worlds()).toBe(0);
  expect(await seen()).toBe(false);

  await addDashboard(await extensionPage('options.html'), replica.origin, `${replica.origin} já está na lista.`);
  await overlayRegisteredFor(background, replica.origin);
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveText('R$ 27,02');
});
