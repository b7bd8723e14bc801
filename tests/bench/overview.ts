/**
 * Every tenant at a glance (issue #24), against the replica with 50 tenants (its scale mode):
 * belgo_admin through the login page, BELGO-001 confirmed, the others typed as support staff do.
 * For 1, 10 and 50 tenants: the full page's overview opened cold (worker restarted, nothing
 * cached) until every row shows its cost, and the billing requests that cost, against the
 * requests of one tenant times the tenants; at 10 tenants, the popup with its list opened warm
 * beside the floor page.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { configureDashboard, signIn, type ExtensionBrowser } from '../tooling/extension-browser';
import { startReplica } from '../replica/server';
import { SCALE_MODE_TENANT_IDS } from '../replica/scale-tenants';
import { FLOOR_PAGE, FLOOR_SELECTOR, coldStart } from './bench-extension';
import { figure, median, percentile, type Figure } from './figures';
import { POPUP_FIGURES, timePaint } from './page-paint';
import { billingTotal, tallyRequests } from './request-count';

const GROUP = 'overview';
const COUNTS = [1, 10, 50] as const;

/**
 * Opens `url` and returns navigation → `rows` rows in its tenant-overview, each with its cost, at
 * a frame; with `settled`, waits then until no row still loads its last month (the full page's
 * "carregando o mês passado"), so every request the page makes has been made.
 */
async function timeRows(context: BrowserContext, url: string, rows: number, settled = false): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript((wanted) => {
    const look = () => {
      const shown = document.querySelectorAll('[data-testid="tenant-overview"] [data-testid="tenant-overview-row"]');
      const costs = document.querySelectorAll('[data-testid="tenant-overview"] [data-testid="tenant-overview-row"] [data-testid="tenant-overview-cost"]');
      if (shown.length === wanted && costs.length === wanted) (window as any).__rows = performance.now();
      else requestAnimationFrame(look);
    };
    look();
  }, rows);
  await page.goto(url);
  await page.waitForFunction(() => (window as any).__rows !== undefined, undefined, { timeout: 60_000 });
  const painted = await page.evaluate(() => (window as any).__rows as number);
  if (settled) {
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="tenant-overview-change"]')].every((cell) => !/carregando o mês passado/i.test(cell.textContent ?? '')),
      undefined,
      { timeout: 60_000 },
    );
  }
  await page.close();
  return painted;
}

/** In an extension page: a protocol request to the background. */
const ask = (control: Page, request: Record<string, unknown>) =>
  control.evaluate((r) => (globalThis as any).chrome.runtime.sendMessage(r), request) as Promise<{ ok: boolean }>;

/** The person's tenants become the first `count` of the replica's (BELGO-001 stays the active one). */
async function haveTenants(control: Page, count: number, have: number): Promise<void> {
  for (const tenantId of SCALE_MODE_TENANT_IDS.slice(have, count)) {
    if (!(await ask(control, { op: 'tenant.choose', tenantId })).ok) throw new Error(`could not add ${tenantId}`);
  }
  if (!(await ask(control, { op: 'tenant.select', tenantId: SCALE_MODE_TENANT_IDS[0] })).ok) throw new Error('could not select BELGO-001');
}

export async function benchOverview(
  browser: ExtensionBrowser,
  control: Page,
  options: { serverMs: number; coldRuns: number; paints: number },
): Promise<Figure[]> {
  const { context, extensionId } = browser;
  const url = (page: string) => `chrome-extension://${extensionId}/${page}`;
  const replica = await startReplica({ port: 0, state: 'today', scale: true, loginRateLimit: false });
  replica.faults.set('/api/', { delayMs: options.serverMs });
  const figures: Figure[] = [];
  try {
    await configureDashboard(control, replica.origin);
    const dashboard = await context.newPage();
    await signIn(dashboard, replica.origin, 'belgo_admin', 'v1');
    await dashboard.getByTestId('billing-sidebar-cost').waitFor();
    // Only the pages measured ask the host from here on (no dashboard tab refreshing its entry).
    await dashboard.close();

    let have = 1;
    let perTenant = 0;
    for (const count of COUNTS) {
      await haveTenants(control, count, have);
      have = count;
      const times: number[] = [];
      const billing: number[] = [];
      const identity: number[] = [];
      for (let i = 0; i < options.coldRuns; i++) {
        await coldStart(control, extensionId);
        replica.requests.clear();
        times.push(await timeRows(context, url('billing.html#overview'), count, true));
        const tally = tallyRequests(replica);
        billing.push(billingTotal(tally));
        identity.push(tally.identity);
      }
      // Counted once every row has its last month too. Every run asks the same: the most any run
      // asked is the figure, not a median.
      const asked = Math.max(...billing);
      if (count === 1) perTenant = asked;
      const label = count === 1 ? '1 tenant' : `${count} tenants`;
      // Again within the refresh interval: every tenant's figures are cached.
      replica.requests.clear();
      await timeRows(context, url('billing.html#overview'), count, true);
      const again = billingTotal(tallyRequests(replica));
      figures.push(
        figure(GROUP, `${label}: open cold → every row's cost painted (median of ${options.coldRuns})`, median(times), 'ms'),
        count === 1
          ? figure(GROUP, '1 tenant: billing requests, cold (what one tenant needs)', asked, 'requests')
          : figure(GROUP, `${label}: billing requests, cold`, asked, 'requests', `≤ ${count * perTenant}`, asked <= count * perTenant),
        figure(GROUP, `${label}: identity requests (permissions, tenants), cold`, Math.max(...identity), 'requests'),
        figure(GROUP, `${label}: billing requests, opened again (warm)`, again, 'requests', '0', again === 0),
      );
      if (count === 10) figures.push(...(await popupWithList(context, url, count, options.paints)));
    }
  } finally {
    await replica.close();
  }
  return figures;
}

/** The popup with the list, figures cached (the overview just fetched them), beside the floor page. */
async function popupWithList(context: BrowserContext, url: (page: string) => string, count: number, paints: number): Promise<Figure[]> {
  // The popup's first paint reads the figures last shown for the active tenant: one popup shows them.
  await timePaint(context, url('popup.html'), POPUP_FIGURES);
  const floor: number[] = [];
  const popup: number[] = [];
  const list: number[] = [];
  for (let i = 0; i < paints; i++) {
    floor.push(await timePaint(context, url(FLOOR_PAGE), FLOOR_SELECTOR));
    popup.push(await timePaint(context, url('popup.html'), POPUP_FIGURES));
  }
  for (let i = 0; i < Math.min(paints, 20); i++) list.push(await timeRows(context, url('popup.html'), count));
  const [p50, p95] = [median(popup) / median(floor), percentile(popup, 95) / percentile(floor, 95)];
  return [
    figure(GROUP, `popup, ${count} tenants, warm: floor page p50 of ${paints}`, median(floor), 'ms'),
    figure(GROUP, `popup, ${count} tenants, warm: floor page p95`, percentile(floor, 95), 'ms'),
    figure(GROUP, `popup, ${count} tenants, warm: open → active tenant's figures painted, p50`, median(popup), 'ms'),
    figure(GROUP, `popup, ${count} tenants, warm: open → active tenant's figures painted, p95`, percentile(popup, 95), 'ms'),
    figure(GROUP, `popup, ${count} tenants, warm: popup p50 ÷ floor p50`, p50, '×', '≤ 1.2×', p50 <= 1.2),
    figure(GROUP, `popup, ${count} tenants, warm: popup p95 ÷ floor p95`, p95, '×', '≤ 1.5×', p95 <= 1.5),
    figure(GROUP, `popup, ${count} tenants, warm: open → every row's cost painted (median of ${list.length})`, median(list), 'ms'),
  ];
}
