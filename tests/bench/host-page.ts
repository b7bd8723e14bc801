/**
 * What the overlay costs the host page: navigation start → Vue mounted (`#app[data-v-app]`),
 * in a tab of the browser with the extension (its content script runs from document_start)
 * and in a plain browser without it, the same signed-in page, loaded alternately.
 */
import type { BrowserContext } from '@playwright/test';

export async function timeHostMount(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('#app[data-v-app]')) return;
      (window as any).__mounted = performance.now();
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-v-app'] });
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as any).__mounted !== undefined);
  const mounted = await page.evaluate(() => (window as any).__mounted as number);
  await page.close();
  return mounted;
}
