/**
 * JS heap of the dashboard tab's isolate (the page and our content script share it) after a
 * forced garbage collection, before and after many Vue re-renders: what stays is a leak.
 */
import type { Page } from '@playwright/test';

export async function measureHeapGrowth(page: Page, rerenders: number): Promise<{ beforeMb: number; afterMb: number }> {
  const cdp = await page.context().newCDPSession(page);
  const usedMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / (1024 * 1024);
  };
  const project = await page.locator('.project-selector').inputValue();
  // One round first, so lazily created things (observers, compiled code) are not counted.
  await page.selectOption('.project-selector', '');
  await page.selectOption('.project-selector', project);
  const beforeMb = await usedMb();
  for (let i = 0; i < rerenders; i++) {
    await page.selectOption('.project-selector', '');
    await page.selectOption('.project-selector', project);
  }
  const afterMb = await usedMb();
  await cdp.detach();
  return { beforeMb, afterMb };
}
