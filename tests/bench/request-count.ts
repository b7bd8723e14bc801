/**
 * Server requests caused by ordinary use: 10 modal opens across 3 dashboard tabs (each compares
 * with last month), 5 popup opens and, where the family has months, 2 full pages stepping back
 * two months and forward again (each shows a six-month trend), from an empty cache; then the
 * seed's approach for the same 10 opens. An endpoint is a path and the month it is asked for:
 * each month is its own figures. Requests are told
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
  /** Requests per endpoint: its path, and the month asked for if any. */
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
      const month = new URL(request.url, replica.origin).searchParams.get('month');
      const endpoint = month ? `${request.path}?month=${month}` : request.path;
      tally.byEndpoint[endpoint] = (tally.byEndpoint[endpoint] ?? 0) + 1;
    } else if (/^\/api\/(user\/(permissions|tenants)|v1\/auth\/me)$/.test(request.path)) {
      tally.identity++;
    }
  }
  return tally;
}

export const billingTotal = (tally: RequestTally): number => Object.values(tally.byFamily).reduce((a, b) => a + b, 0);

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
  tenantId: string,
  /** The family that answers has months (the panel has none): browse them on the full page. */
  withMonths: boolean,
): Promise<{ ours: RequestTally; seed: RequestTally }> {
  replica.requests.clear();
  const tabs = [await openTab(), await openTab(), await openTab()];
  for (let i = 0; i < 10; i++) {
    const tab = tabs[i % tabs.length]!;
    await timeOverlayOpen(tab);
    await closeOverlay(tab);
  }
  for (let i = 0; i < 5; i++) await timePaint(context, `chrome-extension://${extensionId}/popup.html`, POPUP_FIGURES);
  if (withMonths) for (let i = 0; i < 2; i++) await browseMonths(context, extensionId);
  const ours = tallyRequests(replica);

  replica.requests.clear();
  for (let i = 0; i < 10; i++) await timeSeedOpen(tabs[i % tabs.length]!, tenantId);
  const seed = tallyRequests(replica, 'page');
  await Promise.all(tabs.map((tab) => tab.close()));
  return { ours, seed };
}
