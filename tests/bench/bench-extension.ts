/**
 * The build the benchmark loads: a copy of the end-to-end build with two pages added that never
 * ship — the floor (a bare page that reads one value from storage.session and paints it, the
 * least any popup can cost) and a blank control page the benchmark drives storage from — so
 * the popup measured beside the floor is byte for byte the shipped one (run.ts checks it).
 * Also what the control page does: put the extension in the state of "cold open" (coldStart).
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

export const FLOOR_PAGE = 'floor.html';
export const FLOOR_SELECTOR = '[data-testid="floor-value"]';
const CONTROL_PAGE = 'bench-control.html';

const FLOOR_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>floor</title><script type="module" src="/floor.js"></script></head><body></body></html>
`;
// The record the popup paints first (lib/storage/shown-view.ts): the same read, the least painting.
const FLOOR_JS = `const { shownView } = await chrome.storage.session.get('shownView');
const value = document.createElement('p');
value.dataset.testid = 'floor-value';
value.textContent = String(shownView?.view?.snapshot?.usage?.total?.cents ?? '');
document.body.append(value);
`;

export function copyWithBenchPages(builtDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'billing-bench-extension-'));
  cpSync(builtDir, dir, { recursive: true });
  writeFileSync(join(dir, FLOOR_PAGE), FLOOR_HTML);
  writeFileSync(join(dir, 'floor.js'), FLOOR_JS);
  writeFileSync(join(dir, CONTROL_PAGE), '<!doctype html><meta charset="utf-8"><title>bench control</title>\n');
  return dir;
}

export async function openControlPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${CONTROL_PAGE}`);
  return page;
}

/** Drops every cached figure (storage.session `billing:*`); the worker and its memory stay. */
export async function clearBillingCache(control: Page): Promise<void> {
  await control.evaluate(async () => {
    const session = (globalThis as any).chrome.storage.session;
    await session.remove(Object.keys(await session.get(null)).filter((key) => key.startsWith('billing:')));
  });
}

/**
 * As when the worker has slept (Chromium stops it after 30 s idle) and no figures are cached:
 * the worker stopped, so its in-memory answers (access, tenant listings) are gone, and every
 * figure gone from storage.session (what the popup shows too). The rest of the browser session
 * stays: the session token, and the families the host refused this session (family-policy.ts).
 */
export async function coldStart(control: Page, extensionId: string): Promise<void> {
  await control.evaluate(async () => {
    const session = (globalThis as any).chrome.storage.session;
    const figures = Object.keys(await session.get(null)).filter((key) => key.startsWith('billing') || key === 'shownView');
    await session.remove(figures);
  });
  const cdp = await control.context().newCDPSession(control);
  const workerUrl = `chrome-extension://${extensionId}/background.js`;
  const running = async () => {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] };
    return targetInfos.find((target) => target.type === 'service_worker' && target.url === workerUrl);
  };
  const worker = await running();
  if (worker) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  // Polled, not slept: the worker is gone once the browser lists it no more.
  for (let waited = 0; await running(); waited += 10) {
    if (waited > 10_000) throw new Error('the worker did not stop');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await cdp.detach();
}
