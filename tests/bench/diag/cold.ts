import { launchWithExtension, configureDashboard, signIn } from '../../tooling/extension-browser';
import { startReplica } from '../../replica/server';
import { copyWithBenchPages, openControlPage, coldStart } from '../bench-extension';
import { armColdOpen } from '../overlay-open';
import { EXTENSION_DIR } from '../../tooling/extension-browser';
const state = (process.argv[2] ?? 'today') as any;
const token = (process.argv[3] ?? 'v1') as any;
const dir = copyWithBenchPages(EXTENSION_DIR);
const b = await launchWithExtension({ executablePath: '/usr/bin/chromium', extensionDir: dir });
await b.context.addInitScript('globalThis.__name = (fn) => fn;');
const replica = await startReplica({ port: 0, state, loginRateLimit: false });
replica.faults.set('/api/', { delayMs: 40 });
const control = await openControlPage(b.context, b.extensionId);
await configureDashboard(control, replica.origin);
const page = await b.context.newPage();
await signIn(page, replica.origin, 'belgo_admin', token);
await page.getByTestId('billing-sidebar-cost').waitFor();
await page.close();
for (let i = 0; i < 4; i++) {
  const cold = i % 2 === 0;
  if (cold) await coldStart(control, b.extensionId);
  else await control.evaluate(async () => { const s = (globalThis as any).chrome.storage.session; await s.remove(Object.keys(await s.get(null)).filter((k) => k.startsWith('billing:'))); });
  replica.requests.clear();
  const fresh = await b.context.newPage();
  await fresh.addInitScript(() => {
    const marks: Record<string, number> = {};
    (window as any).__marks = marks;
    const look = () => {
      const root = document.querySelector('billing-overlay-entry')?.shadowRoot;
      if (!marks.mounted && document.querySelector('#app[data-v-app]')) marks.mounted = performance.now();
      if (!marks.entry && root?.querySelector('[data-testid="billing-sidebar-entry"]')) marks.entry = performance.now();
      if (!marks.stats && root?.querySelector('[data-testid="billing-sidebar-cost"]')) marks.stats = performance.now();
      if (!marks.stats) setTimeout(look, 0);
    };
    look();
  });
  await armColdOpen(fresh);
  const t0 = Date.now();
  await fresh.goto(replica.origin + '/');
  await fresh.waitForFunction(() => (window as any).__coldOpen !== undefined);
  const r = await fresh.evaluate(() => ({ cold: (window as any).__coldOpen, marks: (window as any).__marks, nav: performance.timeOrigin }));
  console.log(cold ? 'COLD(worker stopped)' : 'billing cache only', JSON.stringify(r.marks), 'open', r.cold.toFixed(1));
  for (const e of replica.requests.list()) console.log('   ', (Date.parse(e.time) - r.nav).toFixed(0).padStart(5), (e.fetchSite ?? '-').padEnd(12), e.url);
  await fresh.close();
}
await b.close();
await replica.close();
