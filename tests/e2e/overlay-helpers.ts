import type { Page, Worker } from '@playwright/test';

/** The toolbar badge's text and colour (#rrggbb), as the background worker set them. */
export function badge(background: Worker): Promise<{ text: string; color: string }> {
  return background.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const [text, color] = await Promise.all([chrome.action.getBadgeText({}), chrome.action.getBadgeBackgroundColor({})]);
    return { text, color: `#${color.slice(0, 3).map((c: number) => c.toString(16).padStart(2, '0')).join('')}` };
  });
}

/** Where our entry stands: the title of the sidebar section right before it, and how many there are. */
export function entryPlacement(page: Page): Promise<{ count: number; after: string | null }> {
  return page.evaluate(() => {
    const entries = document.querySelectorAll('billing-overlay-entry');
    const previous = entries[0]?.previousElementSibling;
    const title = previous?.querySelector(':scope > h3')?.textContent?.trim();
    const after = previous ? (title ?? previous.className) : null;
    return { count: entries.length, after };
  });
}

/**
 * Records, from before any page script runs, whether our entry or modal was ever attached to
 * the document, even for one frame.
 */
export async function watchForOverlay(page: Page): Promise<() => Promise<boolean>> {
  await page.addInitScript(() => {
    (window as any).__overlaySeen = false;
    new MutationObserver(() => {
      if (document.querySelector('billing-overlay-entry, billing-overlay-modal')) (window as any).__overlaySeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as any).__overlaySeen as boolean);
}

/** Mean luminance (0 dark .. 255 light) of a PNG, decoded by the browser itself. */
export async function meanLuminance(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
    return sum / (data.length / 4);
  }, png.toString('base64'));
}
