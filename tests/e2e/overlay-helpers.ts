import type { Page } from '@playwright/test';
import { entryPlacementInPage, meanLuminanceOfPng, recordOverlaySightings } from '../tooling/page-steps';

/** Where our entry stands: the title of the sidebar section right before it, and how many there are. */
export function entryPlacement(page: Page): Promise<{ count: number; after: string | null }> {
  return page.evaluate(entryPlacementInPage);
}

/**
 * Records, from before any page script runs, whether our entry or modal was ever attached to
 * the document, even for one frame.
 */
export async function watchForOverlay(page: Page): Promise<() => Promise<boolean>> {
  await page.addInitScript(recordOverlaySightings);
  return () => page.evaluate(() => (window as any).__overlaySeen as boolean);
}

/** Mean luminance (0 dark .. 255 light) of a PNG, decoded by the browser itself. */
export async function meanLuminance(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(meanLuminanceOfPng, png.toString('base64'));
}
