/** An extension page (the popup, the floor), opened with figures cached: navigation start → `selector` on screen. */
import type { BrowserContext } from '@playwright/test';

export async function timePaint(context: BrowserContext, url: string, selector: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript((painted) => {
    const look = () => {
      if (document.querySelector(painted)) (window as any).__painted = performance.now();
      else requestAnimationFrame(look);
    };
    look();
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => (window as any).__painted !== undefined);
  const painted = await page.evaluate(() => (window as any).__painted as number);
  await page.close();
  return painted;
}

export const POPUP_FIGURES = '[data-testid="popup-total-cost"]';
