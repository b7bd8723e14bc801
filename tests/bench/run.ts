/**
 * `npm run bench [-- --compare <earlier.json>] [-- --hosts today:v1,seed:legacy] [-- --only popup|overview|hosts]`:
 * builds the extension, runs a copy of it (with the floor page added, see bench-extension.ts) in
 * real Chromium against the replica in every host state, every API answer taking a realistic
 * server delay, and measures speed and size beside the seed's in-page approach, then the overview
 * of 1, 10 and 50 tenants (overview.ts). Prints a table; writes bench-results/bench-<time>.json
 * (kept per run) and bench-results/latest.json. Every figure is measured in this run. `--only`
 * measures the sizes and one part: the popup beside the floor page (one tenant), the overview
 * (with the popup's list), or the host states.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium as playwrightChromium, type Page } from '@playwright/test';
import { ensureChromium } from '../tooling/browser.mjs';
import { EXTENSION_DIR, SHIPPED_EXTENSION_DIR, buildForTests, launchWithExtension, type TokenKind } from '../tooling/extension-browser';
import type { HostState } from '../replica/server';
import { FLOOR_PAGE, FLOOR_SELECTOR, copyWithBenchPages, openControlPage } from './bench-extension';
import { printComparison } from './compare';
import { figure, median, percentile, printTable, type Figure } from './figures';
import { differingPageFiles, measureBundles } from './bundle-sizes';
import { measureInjection } from './injection-latency';
import { measureHeapGrowth } from './heap-growth';
import { benchHost, hostLabel, type Host, type HostRun } from './host-run';
import { timeHostMount } from './host-page';
import { POPUP_FIGURES, timePaint } from './page-paint';
import { benchOverview } from './overview';
import { startReplica } from '../replica/server';
import { configureDashboard, signIn } from '../tooling/extension-browser';

const { values: args } = parseArgs({ options: { compare: { type: 'string' }, hosts: { type: 'string' }, only: { type: 'string' } } });
const ONLY = args.only as 'popup' | 'overview' | 'hosts' | undefined;
if (ONLY && !['popup', 'overview', 'hosts'].includes(ONLY)) throw new Error(`--only popup, overview or hosts, not ${ONLY}`);
const SERVER_MS = Number(process.env.BENCH_SERVER_MS ?? 40);
const OPENS = 20;
/** Cold starts per host state, each side: with 5 the median of `today` moved 0.73× → 1.03× between runs. */
const COLD_RUNS = 9;
/** Opens of the popup and of the floor page: a p95 of 20 was one open, and moved ±0.3× between runs. */
const PAINTS = 60;
const MOUNTS = 10;
/** Cold opens of the overview per number of tenants (50 tenants take a second or more each). */
const OVERVIEW_COLD_RUNS = 5;
/**
 * Each host state with the token that shows it best: the login page's v1 token where admin v1
 * is all there is; the legacy token (with tenant claims), with which the seed's panel and the
 * fixed tenant family answer at all, and beside it the seed state as a v1 sign-in meets it.
 */
const HOSTS: Host[] = (args.hosts ?? 'today:v1,seed:legacy,seed:v1,fixed:legacy').split(',').map((spec) => {
  const [state, token] = spec.split(':') as [HostState, TokenKind];
  return { state, token };
});
/** Injection and heap need the host's Analytics section, which only a token with tenant claims loads. */
const WITH_ANALYTICS = HOSTS.find((host) => host.token === 'legacy');
if (!WITH_ANALYTICS && (!ONLY || ONLY === 'hosts')) console.log('[bench] no host with a legacy token: injection, heap and host-page figures are not measured');

const load = () => loadavg().map((n) => Math.round(n * 100) / 100);
const loadAtStart = load();
console.log(`[bench] load average ${loadAtStart.join(' ')} (1, 5, 15 min) on this machine`);

// Sizes are the shipped build's. Timings run on the end-to-end build (open shadow roots, which
// they reach into; it differs from the shipped one in a single constant of the content script),
// whose popup must be byte for byte the shipped one: checked below.
buildForTests({ shipped: true });
const figures: Figure[] = measureBundles(SHIPPED_EXTENSION_DIR);
const popupDiffers = differingPageFiles(EXTENSION_DIR, SHIPPED_EXTENSION_DIR, 'popup.html');
figures.push(figure('popup', 'files of the measured popup unlike the shipped one', popupDiffers.length, 'files', '0', popupDiffers.length === 0));
const benchDir = copyWithBenchPages(EXTENSION_DIR);

const chromium = await ensureChromium();
const browser = await launchWithExtension({ executablePath: chromium.path, extensionDir: benchDir });
const plain = await playwrightChromium.launch({ executablePath: chromium.path, headless: true });
// tsx compiles with esbuild's keepNames, which wraps functions sent to page.evaluate in a
// `__name(...)` helper the page does not have.
await browser.context.addInitScript('globalThis.__name = (fn) => fn;');
const control = await openControlPage(browser.context, browser.extensionId);
const url = (page: string) => `chrome-extension://${browser.extensionId}/${page}`;

/** In the host with Analytics: injection, heap, and what the overlay costs the page's own start. */
async function inPageFigures(page: Page): Promise<Figure[]> {
  const found: Figure[] = [...(await measureInjection(page, 60)).figures];
  const heap = await measureHeapGrowth(page, 200);
  const growth = heap.afterMb - heap.beforeMb;
  found.push(
    figure('memory', 'tab JS heap before 200 re-renders', heap.beforeMb, 'MB'),
    figure('memory', 'tab JS heap growth over 200 re-renders', growth, 'MB', '≤ 1 MB', growth <= 1),
  );
  const origin = new URL(page.url()).origin;
  const plainContext = await plain.newContext({ viewport: { width: 1400, height: 900 } });
  await plainContext.addInitScript('globalThis.__name = (fn) => fn;');
  const signInPlain = await plainContext.newPage();
  await signInPlain.goto(`${origin}/__replica/signin?username=belgo_admin&kind=legacy`);
  await signInPlain.waitForURL(`${origin}/`);
  await signInPlain.close();
  const withOverlay: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < MOUNTS; i++) {
    withOverlay.push(await timeHostMount(browser.context, `${origin}/`));
    without.push(await timeHostMount(plainContext, `${origin}/`));
  }
  await plainContext.close();
  found.push(
    figure('host page', `navigation → Vue mounted, with the overlay (median of ${MOUNTS})`, median(withOverlay), 'ms'),
    figure('host page', `navigation → Vue mounted, browser without it (median of ${MOUNTS})`, median(without), 'ms'),
  );
  return found;
}

/** The popup beside the floor, alternately, figures cached. */
async function popupFigures(): Promise<Figure[]> {
  const shown = await control.evaluate(async () => !!(await (globalThis as any).chrome.storage.session.get('shownView')).shownView);
  if (!shown) throw new Error('nothing for the popup to paint from cache: no figures were shown');
  const floor: number[] = [];
  const popup: number[] = [];
  for (let i = 0; i < PAINTS; i++) {
    floor.push(await timePaint(browser.context, url(FLOOR_PAGE), FLOOR_SELECTOR));
    popup.push(await timePaint(browser.context, url('popup.html'), POPUP_FIGURES));
  }
  const [floorP95, popupP95] = [percentile(floor, 95), percentile(popup, 95)];
  return [
    figure('popup', `floor page (reads storage.session, paints), p50 of ${PAINTS}`, median(floor), 'ms'),
    figure('popup', 'floor page, p95', floorP95, 'ms'),
    figure('popup', 'open → figures painted from cache, p50', median(popup), 'ms'),
    figure('popup', 'open → figures painted from cache, p95', popupP95, 'ms'),
    figure('popup', 'popup p50 ÷ floor p50', median(popup) / median(floor), '×'),
    figure('popup', 'popup p95 ÷ floor p95', popupP95 / floorP95, '×', '≤ 1.5×', popupP95 / floorP95 <= 1.5),
  ];
}

/** The popup alone: one tenant's figures shown (today's host, the login page's token), then popupFigures. */
async function popupOnly(): Promise<Figure[]> {
  const replica = await startReplica({ port: 0, state: 'today', loginRateLimit: false });
  replica.faults.set('/api/', { delayMs: SERVER_MS });
  try {
    await configureDashboard(control, replica.origin);
    const page = await browser.context.newPage();
    await signIn(page, replica.origin, 'belgo_admin', 'v1');
    await page.getByTestId('billing-sidebar-cost').waitFor();
    return await popupFigures();
  } finally {
    await replica.close();
  }
}

const runs: Record<string, HostRun['requests']> = {};
try {
  if (ONLY === 'popup') figures.push(...(await popupOnly()));
  for (const host of ONLY ? (ONLY === 'hosts' ? HOSTS : []) : HOSTS) {
    console.log(`[bench] ${hostLabel(host)}`);
    const run = await benchHost(browser, control, host, {
      serverMs: SERVER_MS,
      opens: OPENS,
      coldRuns: COLD_RUNS,
      inPage: host === WITH_ANALYTICS ? inPageFigures : undefined,
      atEnd: host === HOSTS[0] && !ONLY ? popupFigures : undefined,
    });
    figures.push(...run.figures);
    runs[hostLabel(host)] = run.requests;
  }
  if (!ONLY || ONLY === 'overview') {
    console.log('[bench] overview: 1, 10 and 50 tenants');
    figures.push(...(await benchOverview(browser, control, { serverMs: SERVER_MS, coldRuns: OVERVIEW_COLD_RUNS, paints: PAINTS })));
  }

  const loadAtEnd = load();
  // What the whole extension costs first, then each host state in turn.
  const order = ['bundle', 'injection', 'memory', 'host page', 'popup', 'overview', ...HOSTS.map(hostLabel)];
  figures.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
  printTable(figures);
  mkdirSync('bench-results', { recursive: true });
  const date = new Date().toISOString();
  const result = { date, loadAverage: { start: loadAtStart, end: loadAtEnd }, serverDelayMs: SERVER_MS, chromium: chromium.path, figures, requests: runs };
  const file = `bench-results/bench-${date.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify(result, null, 2));
  copyFileSync(file, 'bench-results/latest.json');
  console.log(`\nEvery API answer took ${SERVER_MS} ms (BENCH_SERVER_MS); load average ${loadAtStart.join(' ')} at start, ${loadAtEnd.join(' ')} at end.`);
  console.log(`Written to ${file} and bench-results/latest.json.`);
  if (args.compare) printComparison(args.compare, figures);
} finally {
  await browser.close();
  await plain.close();
  rmSync(benchDir, { recursive: true, force: true });
}
