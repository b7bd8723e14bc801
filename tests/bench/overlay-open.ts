/**
 * Our modal, timed in the page: from the click on the sidebar entry to the figures and the
 * invoice part (rows, or the "not available" line) being in the modal.
 */
import type { Page } from '@playwright/test';

/** Runs in the page: true once the modal shows its figures and its invoice part. */
const FIGURES_SHOWN = () => {
  const host = document.querySelector('billing-overlay-modal');
  const root = host?.shadowRoot;
  return (
    !!host && !host.hasAttribute('data-hidden') &&
    !!root?.querySelector('[data-testid="billing-total-cost"]') &&
    !!root.querySelector('[data-testid="billing-invoice-row"], [data-testid="billing-invoices-unavailable"], [data-testid="billing-invoices-empty"]')
  );
};

export function timeOverlayOpen(page: Page): Promise<number> {
  return page.evaluate(
    (shownSource) =>
      new Promise<number>((resolve) => {
        const shown = new Function(`return (${shownSource})()`) as () => boolean;
        const entry = document.querySelector('billing-overlay-entry')!.shadowRoot!;
        const button = entry.querySelector<HTMLElement>('[data-testid="billing-sidebar-entry"]')!;
        const started = performance.now();
        button.click();
        const poll = () => (shown() ? resolve(performance.now() - started) : setTimeout(poll, 0));
        poll();
      }),
    FIGURES_SHOWN.toString(),
  );
}

export async function closeOverlay(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.querySelector('billing-overlay-modal')?.shadowRoot?.querySelector<HTMLElement>('[data-testid="billing-close"]')?.click(),
  );
  // Closed: hidden in the page (lib/content/shadow-ui.ts), or not there at all.
  await page.waitForFunction(() => document.querySelector('billing-overlay-modal')?.hasAttribute('data-hidden') ?? true);
}

/**
 * Cold: installed before the page loads, it clicks the entry the moment it appears (nothing
 * cached anywhere yet; the host page still loading) and records the time to figures in
 * `window.__coldOpen`. The seed's cold run starts at the same moment (armColdSeed).
 */
export async function armColdOpen(page: Page): Promise<void> {
  await page.addInitScript((shownSource) => {
    const shown = new Function(`return (${shownSource})()`) as () => boolean;
    // The button lives in a shadow root the document's mutations do not show: look each turn.
    const lookForEntry = () => {
      const button = document.querySelector('billing-overlay-entry')?.shadowRoot?.querySelector<HTMLElement>('[data-testid="billing-sidebar-entry"]');
      if (!button) return void setTimeout(lookForEntry, 0);
      const started = performance.now();
      button.click();
      const poll = () => (shown() ? ((window as any).__coldOpen = performance.now() - started) : setTimeout(poll, 0));
      poll();
    };
    lookForEntry();
  }, FIGURES_SHOWN.toString());
}
