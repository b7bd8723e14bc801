/**
 * What a web page hears of the extension in a real Firefox, where the content script runs on
 * every port of the dashboard's host: nothing, and posting WXT's start message does not stop it
 * (lib/content/quiet-start.ts; the same in Chromium: tests/e2e/page-messages.spec.ts).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { clickTestId, countOf, eventually, startFirefoxSuite, textOf } from './harness';
import { extensionTraces, recordExtensionTraces, replayWxtStartMessage } from '../e2e/page-listener';

const suite = await startFirefoxSuite();
after(() => suite.close());

test('a page listening from its first byte hears nothing of the extension, and cannot stop it', async (t) => {
  const dashboard = await suite.dashboard(t);
  // Firefox's runtime.id is the add-on's id from the manifest (what WXT's message carried).
  const runtimeId = await dashboard.inExtension(() => (globalThis as any).browser.runtime.id as string);
  const page = await dashboard.newPage();
  await page.evaluateOnNewDocument(recordExtensionTraces, runtimeId);
  await dashboard.signIn(page, 'belgo_admin');
  await clickTestId(page, 'billing-sidebar-entry');
  await eventually(() => textOf(page, 'billing-total-cost'), 'R$ 27,02');
  assert.deepEqual(await page.evaluate(extensionTraces), []);

  await page.keyboard.press('Escape');
  await eventually(() => countOf(page, 'billing-modal'), 0);
  await page.evaluate(replayWxtStartMessage, runtimeId);
  assert.equal(await page.evaluate(() => document.querySelectorAll('billing-overlay-entry').length), 1);
  await clickTestId(page, 'billing-sidebar-entry');
  await eventually(() => textOf(page, 'billing-total-cost'), 'R$ 27,02');
});
