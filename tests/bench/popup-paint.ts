/** The popup, opened with figures cached: time from its navigation start to the cost painted. */
import type { BrowserContext } from '@playwright/test';

export async function timePopupPaint(context: BrowserContext, extensionId: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const look = () => {
      if (document.querySelector('[data-testid="popup-total-cost"]')) (window as any).__painted = performance.now();
      else requestAnimationFrame(look);
    };
    look();
  });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForFunction(() => (window as any).__painted !== undefined);
  const painted = await page.evaluate(() => (window as any).__painted as number);
  await page.close();
  return painted;
}
