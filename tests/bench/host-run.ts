/**
 * One host state, with one kind of token: the modal opened warm and cold, ours beside the
 * seed's approach under the same conditions, and the requests ours cost.
 * Cold: as after a browser restart (see coldStart), a fresh tab whose entry is clicked the
 * instant it appears; the seed's approach starts at that same instant in its own fresh tab.
 * Where the seed's approach gets only errors, the time of its first answer stands for it.
 */
import type { Page } from '@playwright/test';
import { configureDashboard, signIn, type ExtensionBrowser, type TokenKind } from '../tooling/extension-browser';
import { startReplica, type HostState } from '../replica/server';
import { findAccount } from '../replica/accounts';
import { clearBillingCache, coldStart } from './bench-extension';
import { figure, median, type Figure } from './figures';
import { armColdOpen, closeOverlay, timeOverlayOpen } from './overlay-open';
import { billingTotal, countRequests, tallyRequests, type FamilyName, type RequestTally } from './request-count';
import { armColdSeed, timeSeedOpen, type SeedOpen } from './seed-approach';

export interface Host {
  state: HostState;
  token: TokenKind;
}

export const hostLabel = (host: Host): string => `${host.state}, ${host.token} token`;

export interface HostRun {
  figures: Figure[];
  requests: { family: FamilyName | null; coldOpens: RequestTally[]; ours: RequestTally; seed: RequestTally };
}

const ACCOUNT = 'belgo_admin';

/** The seed's time: to its figures where it got them, else to its first answer. */
function seedTimes(runs: SeedOpen[]): { ms: number; what: string } {
  const figures = runs.every((run) => run.figures);
  return figures
    ? { ms: median(runs.map((run) => run.ms)), what: 'to its figures' }
    : { ms: median(runs.map((run) => run.firstAnswerMs)), what: 'errors only: to its first answer' };
}

export async function benchHost(
  browser: ExtensionBrowser,
  control: Page,
  host: Host,
  options: {
    serverMs: number;
    opens: number;
    coldRuns: number;
    /** More figures from the signed-in dashboard tab, first. */
    inPage?: (page: Page) => Promise<Figure[]>;
    /** More figures at the end, figures cached, the host still up. */
    atEnd?: () => Promise<Figure[]>;
  },
): Promise<HostRun> {
  const group = hostLabel(host);
  const tenantId = findAccount(ACCOUNT)!.tenants[0]!;
  const replica = await startReplica({ port: 0, state: host.state, loginRateLimit: false });
  // Every API answer takes a real server's time: ours, the seed's and the page's own.
  replica.faults.set('/api/', { delayMs: options.serverMs });
  const { context, extensionId } = browser;
  const open = async (path: string) => {
    const tab = await context.newPage();
    await tab.goto(replica.origin + path);
    return tab;
  };
  try {
    await configureDashboard(control, replica.origin);
    const page = await context.newPage();
    await signIn(page, replica.origin, ACCOUNT, host.token);
    await page.getByTestId('billing-sidebar-cost').waitFor();
    const figures: Figure[] = options.inPage ? await options.inPage(page) : [];

    const warm: number[] = [];
    const seedWarm: SeedOpen[] = [];
    for (let i = 0; i < options.opens; i++) {
      warm.push(await timeOverlayOpen(page));
      await closeOverlay(page);
      seedWarm.push(await timeSeedOpen(page, tenantId));
    }
    await page.close();

    const cold: number[] = [];
    const seedCold: SeedOpen[] = [];
    const coldOpens: RequestTally[] = [];
    for (let i = 0; i < options.coldRuns; i++) {
      await coldStart(control, extensionId);
      replica.requests.clear();
      const fresh = await context.newPage();
      await armColdOpen(fresh);
      await fresh.goto(replica.origin + '/');
      await fresh.waitForFunction(() => (window as any).__coldOpen !== undefined);
      cold.push(await fresh.evaluate(() => (window as any).__coldOpen as number));
      coldOpens.push(tallyRequests(replica));
      await fresh.close();

      await coldStart(control, extensionId);
      const freshSeed = await context.newPage();
      await armColdSeed(freshSeed, tenantId);
      await freshSeed.goto(replica.origin + '/');
      await freshSeed.waitForFunction(() => (window as any).__coldSeed !== undefined);
      seedCold.push(await freshSeed.evaluate(() => (window as any).__coldSeed as SeedOpen));
      await freshSeed.close();
    }
    // The family that gave the figures, as the cache names it.
    const family = (await control.evaluate(async (origin) => {
      const all: Record<string, any> = await (globalThis as any).chrome.storage.session.get(null);
      const entry = Object.entries(all).find(([key]) => key.startsWith(`billing:${origin}|`))?.[1];
      return entry?.snapshot?.family ?? null;
    }, replica.origin)) as FamilyName | null;

    await clearBillingCache(control);
    const requests = await countRequests(context, extensionId, replica, async () => {
      const tab = await open('/');
      await tab.getByTestId('billing-sidebar-cost').waitFor();
      return tab;
    }, tenantId, family !== null && family !== 'panel');

    const [w, c] = [median(warm), median(cold)];
    const [sw, sc] = [seedTimes(seedWarm), seedTimes(seedCold)];
    const coldTarget = host.state !== 'fixed';
    const others = (tally: RequestTally) => billingTotal(tally) - (family ? tally.byFamily[family] : 0);
    const perColdOpen = (count: (tally: RequestTally) => number) => median(coldOpens.map(count));
    const oursMax = Math.max(0, ...Object.values(requests.ours.byEndpoint));
    figures.push(
      figure(group, `modal open, warm: ours (median of ${options.opens})`, w, 'ms'),
      figure(group, `modal open, warm: seed's approach (${sw.what})`, sw.ms, 'ms'),
      figure(group, 'modal open, warm: ours ÷ seed', w / sw.ms, '×', '≤ 0.2×', w / sw.ms <= 0.2),
      figure(group, `modal open, cold: ours (median of ${options.coldRuns})`, c, 'ms'),
      figure(group, `modal open, cold: seed's approach (${sc.what})`, sc.ms, 'ms'),
      coldTarget
        ? figure(group, 'modal open, cold: ours ÷ seed', c / sc.ms, '×', '≤ 1.0×', c / sc.ms <= 1)
        : figure(group, 'modal open, cold: ours ÷ seed', c / sc.ms, '×'),
      figure(group, `cold open: billing requests (family ${family ?? 'none'})`, perColdOpen(billingTotal), 'requests'),
      figure(group, 'cold open: billing requests to other families', perColdOpen(others), 'requests', '0', perColdOpen(others) === 0),
      figure(group, 'cold open: identity requests (permissions, tenants)', perColdOpen((t) => t.identity), 'requests'),
      figure(group, `ours: 10 modal opens in 3 tabs + 5 popups${family !== null && family !== 'panel' ? ' + 2 full pages (2 months back)' : ''}, billing requests`, billingTotal(requests.ours), 'requests'),
      figure(group, 'ours: most requests to one endpoint (a path and its month)', oursMax, 'requests', '≤ 1 per refresh', oursMax <= 1),
      figure(group, 'ours: requests to other families', others(requests.ours), 'requests', '0', others(requests.ours) === 0),
      figure(group, "seed's approach: 10 modal opens, requests", billingTotal(requests.seed), 'requests'),
    );
    if (options.atEnd) figures.push(...(await options.atEnd()));
    return { figures, requests: { family, coldOpens, ...requests } };
  } finally {
    await replica.close();
  }
}
