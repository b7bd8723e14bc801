/**
 * Server requests caused by ordinary use: 10 modal opens across 3 dashboard tabs and 5 popup
 * opens, from an empty cache; then the seed's approach for the same 10 opens. Requests are told
 * apart by the browser's Sec-Fetch-Site: the page's own (and the seed's, a page script) are
 * same-origin, the extension's come from no site at all.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Replica } from '../replica/server';
import { closeOverlay, timeOverlayOpen } from './overlay-open';
import { POPUP_FIGURES, timePaint } from './page-paint';
import { timeSeedOpen } from './seed-approach';

const FAMILIES = { panel: /^\/api\/billing\//, tenantV1: /^\/api\/v1\/billing\//, adminV1: /^\/api\/v1\/admin\/billing\// };
export type FamilyName = keyof typeof FAMILIES;

export interface RequestTally {
  /** Requests per endpoint path. */
  byEndpoint: Record<string, number>;
  /** Billing requests per family. */
  byFamily: Record<FamilyName, number>;
  /** Identity requests (permissions, /me, tenants). */
  identity: number;
}

export function tallyRequests(replica: Replica, from: 'extension' | 'page' = 'extension'): RequestTally {
  const tally: RequestTally = { byEndpoint: {}, byFamily: { panel: 0, tenantV1: 0, adminV1: 0 }, identity: 0 };
  for (const request of replica.requests.list()) {
    if (!request.authorization || (request.fetchSite === 'same-origin') !== (from === 'page')) continue;
    const family = (Object.keys(FAMILIES) as FamilyName[]).find((name) => FAMILIES[name].test(request.path));
    if (family) {
      tally.byFamily[family]++;
      tally.byEndpoint[request.path] = (tally.byEndpoint[request.path] ?? 0) + 1;
    } else if (/^\/api\/(user\/(permissions|tenants)|v1\/auth\/me)$/.test(request.path)) {
      tally.identity++;
    }
  }
  return tally;
}

export const billingTotal = (tally: RequestTally): number => Object.values(tally.byFamily).reduce((a, b) => a + b, 0);

export async function countRequests(
  context: BrowserContext,
  extensionId: string,
  replica: Replica,
  openTab: () => Promise<Page>,
  tenantId: string,
): Promise<{ ours: RequestTally; seed: RequestTally }> {
  replica.requests.clear();
  const tabs = [await openTab(), await openTab(), await openTab()];
  for (let i = 0; i < 10; i++) {
    const tab = tabs[i % tabs.length]!;
    await timeOverlayOpen(tab);
    await closeOverlay(tab);
  }
  for (let i = 0; i < 5; i++) await timePaint(context, `chrome-extension://${extensionId}/popup.html`, POPUP_FIGURES);
  const ours = tallyRequests(replica);

  replica.requests.clear();
  for (let i = 0; i < 10; i++) await timeSeedOpen(tabs[i % tabs.length]!, tenantId);
  const seed = tallyRequests(replica, 'page');
  await Promise.all(tabs.map((tab) => tab.close()));
  return { ours, seed };
}
