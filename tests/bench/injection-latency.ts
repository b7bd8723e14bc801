/**
 * From the moment the host attaches its Analytics section to the moment our entry stands right
 * after it, measured in the page over many Vue re-renders (the project is deselected and
 * selected again, which removes and re-inserts Analytics).
 */
import type { Page } from '@playwright/test';
import { figure, percentile, type Figure } from './figures';

declare global {
  interface Window {
    __injection: { samples: number[]; pending: number | null };
  }
}

/** Installs, in the page's own world, an observer that timestamps both events. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const sections = document.querySelector('aside.sidebar-desktop > div.p-4')!;
    const state = (window.__injection = { samples: [] as number[], pending: null as number | null });
    let analytics: Element | null = null;
    const placed = () => analytics?.nextElementSibling?.tagName === 'BILLING-OVERLAY-ENTRY';
    const settle = () => {
      if (state.pending === null) return;
      if (placed()) {
        state.samples.push(performance.now() - state.pending);
        state.pending = null;
      } else {
        requestAnimationFrame(settle);
      }
    };
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (node instanceof Element && node.querySelector(':scope > h3')?.textContent?.trim() === 'Analytics') {
            analytics = node;
            state.pending = performance.now();
          }
        }
      }
      settle();
    }).observe(sections, { childList: true });
  });
}

export async function measureInjection(page: Page, rerenders: number): Promise<{ figures: Figure[]; samples: number[] }> {
  await installProbe(page);
  const project = await page.locator('.project-selector').inputValue();
  for (let i = 0; i < rerenders; i++) {
    await page.selectOption('.project-selector', '');
    await page.selectOption('.project-selector', project);
    await page.waitForFunction(() => window.__injection.pending === null);
  }
  const samples = await page.evaluate(() => window.__injection.samples);
  const p95 = percentile(samples, 95);
  return {
    samples,
    figures: [
      figure('injection', `entry placed after Analytics, p50 (n=${samples.length})`, percentile(samples, 50), 'ms'),
      figure('injection', `entry placed after Analytics, p95 (n=${samples.length})`, p95, 'ms', '≤ 16 ms', p95 <= 16),
    ],
  };
}
