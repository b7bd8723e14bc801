/**
 * Server requests caused by ordinary use: 10 modal opens across 3 dashboard tabs (each compares
 * with last month), 5 popup opens and 2 full pages stepping back two months and forward again
 * (each shows a six-month trend), from an empty cache; then the seed's approach for the same 10
 * opens. An endpoint is a path and the month it is asked for: each month is its own figures.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Replica } from '../replica/server';
import { closeOverlay, timeOverlayOpen } from './overlay-open';
import { timePopupPaint } from './popup-paint';
import { timeSeedOpen } from './seed-approach';

const BILLING = /^\/api\/(billing|v1\/billing|v1\/admin\/billing)\//;

function billingRequestsByEndpoint(replica: Replica): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of replica.requests.list()) {
    if (!BILLING.test(request.path)) continue;
    const month = new URL(request.url, replica.origin).searchParams.get('month');
    const endpoint = month ? `${request.path}?month=${month}` : request.path;
    counts[endpoint] = (counts[endpoint] ?? 0) + 1;
  }
  return counts;
}

/** The full page, two months back and forward again, once its trend is painted. */
async function browseMonths(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/billing.html`);
  const trendPainted = () => page.getByTestId('full-trend-bar').nth(5).waitFor();
  await trendPainted();
  for (const step of ['full-month-prev', 'full-month-prev', 'full-month-next', 'full-month-next']) {
    await page.getByTestId(step).click();
    await trendPainted();
  }
  await page.close();
}

export async function countRequests(
  context: BrowserContext,
  extensionId: string,
  replica: Replica,
  openTab: () => Promise<Page>,
): Promise<{ ours: Record<string, number>; seed: Record<string, number> }> {
  replica.requests.clear();
  const tabs = [await openTab(), await openTab(), await openTab()];
  for (let i = 0; i < 10; i++) {
    const tab = tabs[i % tabs.length]!;
    await timeOverlayOpen(tab);
    await closeOverlay(tab);
  }
  for (let i = 0; i < 5; i++) await timePopupPaint(context, extensionId);
  for (let i = 0; i < 2; i++) await browseMonths(context, extensionId);
  const ours = billingRequestsByEndpoint(replica);

  replica.requests.clear();
  for (let i = 0; i < 10; i++) await timeSeedOpen(tabs[i % tabs.length]!, 'BELGO-001');
  const seed = billingRequestsByEndpoint(replica);
  await Promise.all(tabs.map((tab) => tab.close()));
  return { ours, seed };
}
