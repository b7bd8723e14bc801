/**
 * Server requests caused by ordinary use: 10 modal opens across 3 dashboard tabs and 5 popup
 * opens, from an empty cache; then the seed's approach for the same 10 opens.
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
    if (BILLING.test(request.path)) counts[request.path] = (counts[request.path] ?? 0) + 1;
  }
  return counts;
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
  const ours = billingRequestsByEndpoint(replica);

  replica.requests.clear();
  for (let i = 0; i < 10; i++) await timeSeedOpen(tabs[i % tabs.length]!, 'BELGO-001');
  const seed = billingRequestsByEndpoint(replica);
  await Promise.all(tabs.map((tab) => tab.close()));
  return { ours, seed };
}
