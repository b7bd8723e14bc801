/**
 * Alerts in a real Firefox (issue #25), what Firefox offers of them: notifications without buttons
 * (docs/firefox.md), read back with their text through notifications.getAll; the budget's 80%
 * once, the 100% once past the budget, the LLM quota once; "Silenciar este mês" (here through the
 * options page's request) stops the tenant's alerts. A click on a notification cannot be made
 * from a page in Firefox (its events have no dispatch); Chromium's suite clicks.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eventually, startFirefoxSuite, type Dashboard } from './harness';
import { adminUsage } from '../replica/billing-data';
import { storeSettings } from '../tooling/page-steps';

const suite = await startFirefoxSuite();
after(() => suite.close());

interface Shown {
  id: string;
  title: string;
  message: string;
  buttons?: unknown;
}

/** The notifications up, with what they say (Firefox's getAll gives each one's options). */
const shown = async (dashboard: Dashboard): Promise<Shown[]> =>
  (
    await dashboard.inExtension(async () =>
      Object.entries(await (globalThis as any).browser.notifications.getAll()).map(([id, n]: [string, any]) => ({ id, title: n.title, message: n.message, buttons: n.buttons })),
    )
  ).filter((n: Shown) => n.id.includes(`|${dashboard.replica.origin}|`));
const titles = async (dashboard: Dashboard) => (await shown(dashboard)).map((n) => n.title.replace(/^.* — /, ''));
/** Takes every notification down, as a person dismissing them. */
const dismiss = (dashboard: Dashboard) =>
  dashboard.inExtension(async () => {
    const notifications = (globalThis as any).browser.notifications;
    for (const id of Object.keys(await notifications.getAll())) await notifications.clear(id);
  });
const ask = (dashboard: Dashboard, request: Record<string, unknown>) =>
  dashboard.inExtension((r: Record<string, unknown>) => (globalThis as any).browser.runtime.sendMessage(r), request);
/** The alerts announced so far, by alert: the level each reached. */
const announced = (dashboard: Dashboard) =>
  dashboard.inExtension(async () => {
    const stored = (await (globalThis as any).browser.storage.local.get('budgetAlertsShown')).budgetAlertsShown;
    return Object.entries(stored?.announced ?? {}).map(([key, value]: [string, any]) => `${key.split(' ').at(-1)} ${value.level}`).sort();
  });

const ONLY_BUDGET = { budget: true, estimate: false, quota: false };

test('the budget at 80% once, past it the 100% once, the LLM quota once, without buttons; silenced, no more', async (t) => {
  const dashboard = await suite.dashboard(t);
  await dashboard.inExtension(storeSettings, { budgetCents: 3000, alertKinds: ONLY_BUDGET });
  await dashboard.signIn(await dashboard.newPage(), 'belgo_admin');

  await eventually(() => titles(dashboard), ['Orçamento: 90% (nível 80%)']);
  const [first] = await shown(dashboard);
  assert.match(first!.id, /BELGO-001/);
  assert.equal(first!.message, 'Custo atual R$\u00a027,02 de um orçamento de R$\u00a030,00.');
  assert.equal(first!.buttons, undefined);
  await dismiss(dashboard);

  // The host's figures past the budget: R$ 31,20; asked twice, announced once.
  const over = adminUsage('BELGO-001', null);
  over.summary.costs = { ...over.summary.costs, total_cents: 3120 };
  dashboard.replica.faults.set('/api/v1/admin/billing/usage/BELGO-001', { status: 200, body: JSON.stringify(over), contentType: 'application/json' });
  assert.equal((await ask(dashboard, { op: 'billing.get', freshness: 'force' })).ok, true);
  await eventually(() => titles(dashboard), ['Orçamento: 104% (nível 100%)']);
  await dismiss(dashboard);
  await ask(dashboard, { op: 'billing.get', freshness: 'force' });
  // alerts.get answers once every check under way has ended.
  assert.equal((await ask(dashboard, { op: 'alerts.get' })).value.active.length, 1);
  assert.deepEqual(await shown(dashboard), []);

  // Quota alerts wanted: the LLM tokens far over their plan, once.
  await dashboard.inExtension(storeSettings, { alertKinds: { ...ONLY_BUDGET, quota: true } });
  await eventually(() => titles(dashboard), ['Tokens de LLM: 1.050% do plano']);
  await dismiss(dashboard);
  await ask(dashboard, { op: 'billing.get', freshness: 'force' });
  assert.deepEqual((await ask(dashboard, { op: 'alerts.get' })).value.active.map((w: any) => `${w.kind} ${w.level}`), ['budget 100', 'quota 100']);
  assert.deepEqual(await shown(dashboard), []);
  assert.deepEqual(await announced(dashboard), ['budget 100', 'quota.llm 100']);

  // "Silenciar este mês": the API calls crossing 80% of the plan are not announced.
  assert.equal((await ask(dashboard, { op: 'alerts.silence', tenantId: 'BELGO-001', silenced: true })).value.silenced, true);
  over.summary.metrics = { ...over.summary.metrics, api_calls: 9500 };
  over.breakdown.api_calls = { ...over.breakdown.api_calls, used: 9500 };
  dashboard.replica.faults.set('/api/v1/admin/billing/usage/BELGO-001', { status: 200, body: JSON.stringify(over), contentType: 'application/json' });
  await ask(dashboard, { op: 'billing.get', freshness: 'force' });
  const silenced = (await ask(dashboard, { op: 'alerts.get' })).value;
  assert.deepEqual(silenced.active.map((w: any) => `${w.resource ?? w.kind} ${w.level} ${w.at === null}`), ['budget 100 false', 'llm 100 false', 'api 80 true']);
  assert.deepEqual(await shown(dashboard), []);
  assert.deepEqual(await announced(dashboard), ['budget 100', 'quota.llm 100']);
});
