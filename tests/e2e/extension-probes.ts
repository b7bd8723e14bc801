/**
 * Ways to know that the extension had its chance to act, so a test of "nothing happens" waits
 * for the event that would have made something happen instead of sleeping.
 */
import type { CDPSession, Page, Worker } from '@playwright/test';
import { expect } from './fixtures';

export interface Heard {
  op: string;
  url: string;
}

/**
 * Records, in arrival order, every message the background receives from a tab: a second
 * onMessage listener beside ours that never answers, so it changes nothing.
 */
export async function listenToBackground(background: Worker): Promise<() => Promise<Heard[]>> {
  await background.evaluate(() => {
    const g = globalThis as any;
    if (g.__heard) return;
    g.__heard = [];
    g.chrome.runtime.onMessage.addListener((message: any, sender: any) => {
      if (sender.tab) g.__heard.push({ op: String(message?.op), url: String(sender.url ?? sender.tab.url) });
    });
  });
  return () => background.evaluate(() => (globalThis as any).__heard as Heard[]);
}

/**
 * Evaluates code in the isolated world where our content script runs in `page` (through the
 * DevTools protocol), waiting for that world to exist. Calls from there to extension APIs queue
 * behind the content script's own earlier calls, which is what makes them a barrier.
 */
export async function contentScriptWorld(page: Page, extensionId: string): Promise<(expression: string) => Promise<unknown>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let world: number | null = null;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    // An extension-origin world inside a web page is a content script's isolated world.
    if (context.origin === `chrome-extension://${extensionId}`) world = context.id;
  });
  cdp.on('Runtime.executionContextsCleared', () => (world = null));
  await cdp.send('Runtime.enable');
  return async (expression) => {
    await expect.poll(() => world, { message: 'our content script was injected' }).not.toBeNull();
    const answer = await cdp.send('Runtime.evaluate', { contextId: world!, expression, awaitPromise: true, returnByValue: true });
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
    return answer.result.value;
  };
}

/**
 * How many isolated worlds of our extension `page`'s current document has (our content script's,
 * when it was injected), as the DevTools protocol reports them.
 */
export async function contentScriptWorlds(page: Page, extensionId: string): Promise<() => Promise<number>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const worlds = new Set<number>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === `chrome-extension://${extensionId}`) worlds.add(context.id);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => worlds.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => worlds.clear());
  await cdp.send('Runtime.enable');
  // A round trip, so every context event sent before it has arrived.
  return async () => {
    await cdp.send('Runtime.evaluate', { expression: '0' });
    return worlds.size;
  };
}

/**
 * Resolves once every storage read our content script started before it has been answered:
 * the first thing the script does is read its settings, and storage answers in order.
 */
export const AFTER_SETTINGS_READ = "chrome.storage.local.get('settings').then(() => true)";

/** Sends a protocol request to the background from the content script's world and returns the answer. */
export const askFromContentScript = (request: Record<string, unknown>) => `chrome.runtime.sendMessage(${JSON.stringify(request)})`;
