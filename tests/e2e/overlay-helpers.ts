import type { Page, Worker } from '@playwright/test';
import { badgeInExtension, entryPlacementInPage, meanLuminanceOfPng, recordOverlaySightings } from '../tooling/page-steps';

/** The toolbar badge's text and colour (#rrggbb), as the background worker set them. */
export function badge(background: Worker): Promise<{ text: string; color: string }> {
  return background.evaluate(badgeInExtension);
}

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
