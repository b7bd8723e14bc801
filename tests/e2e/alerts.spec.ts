/**
 * Alerts in real Chromium against the replica (issue #25): the budget's levels, the 100% once, the
 * LLM quota over its plan once, one notification per refresh however many crossed, the badge and
 * its title following the worst; a click opens the full page at that tenant and month, and
 * "Silenciar este mês" stops the tenant's alerts.
 *
 * The notifications are read in the service worker: chrome.notifications.create is wrapped there
 * to record what was shown (getAll gives ids only). Headless Chromium shows no notification a
 * person could click; the worker's own chrome.notifications.onClicked / onButtonClicked events are
 * dispatched instead (chrome.Event#dispatch), which calls the listeners the extension registered
 * at start-up exactly as a click in the notification centre would.
 */
import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { badge } from './overlay-helpers';
import { adminUsage } from '../replica/billing-data';
import { storeSettings } from '../tooling/page-steps';

interface Shown {
  id: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
}

/** Records every notification the background creates, in order. */
async function recordNotifications(background: Worker): Promise<() => Promise<Shown[]>> {
  await background.evaluate(() => {
    const g = globalThis as any;
    const notifications = g.chrome.notifications;
    const create = notifications.create.bind(notifications);
    g.__shown = [];
    notifications.create = (id: string, options: Record<string, unknown>) => {
      g.__shown.push({ id, title: options.title, message: options.message, buttons: options.buttons });
      return create(id, options);
    };
  });
  return () => background.evaluate(() => (globalThis as any).__shown as Shown[]);
}

const BELGO_USAGE = '/api/v1/admin/billing/usage/BELGO-001';
const ONLY_BUDGET = { budget: true, estimate: false, quota: false };

test('R$ 27,02 of R$ 30,00 alerts at 80% only; past the budget the 100% once; the LLM quota once; the badge follows the worst', async ({
  context, signIn, background, replica, askBackground,
}) => {
  const shown = await recordNotifications(background);
  const titles = async () => (await shown()).map((n) => n.title);
  await background.evaluate(storeSettings, { budgetCents: 3000, alertKinds: ONLY_BUDGET });
  await signIn(await context.newPage(), 'belgo_admin', { token: 'legacy' });

  await expect.poll(() => badge(background)).toEqual({ text: '27', color: '#d97706' });
  await expect.poll(titles).toEqual([expect.stringMatching(/ — Orçamento: 90% \(nível 80%\)$/)]);
  const [first] = await shown();
  expect(first!.id).toContain('BELGO-001');
  expect(first!.message).toBe('Custo atual R$\u00a027,02 de um orçamento de R$\u00a030,00.');
  expect(first!.buttons).toEqual([{ title: 'Ver detalhes' }, { title: 'Silenciar este mês' }]);
  expect(await background.evaluate(() => (globalThis as any).chrome.action.getTitle({}))).toContain('Orçamento: 90% (nível 80%)');

  // The host's figures past the budget: R$ 31,20.
  const over = adminUsage('BELGO-001', null);
  over.summary.costs = { ...over.summary.costs, total_cents: 3120 };
  replica.faults.set(BELGO_USAGE, { status: 200, body: JSON.stringify(over), contentType: 'application/json' });
  expect((await askBackground({ op: 'billing.get', freshness: 'force' })).ok).toBe(true);
  await expect.poll(titles).toEqual([expect.stringMatching(/nível 80%/), expect.stringMatching(/ — Orçamento: 104% \(nível 100%\)$/)]);
  await askBackground({ op: 'billing.get', freshness: 'force' });
  expect((await askBackground({ op: 'alerts.get' })).value.active).toHaveLength(1);
  expect(await shown()).toHaveLength(2);

  // Quota alerts wanted: the LLM tokens, at 1.050% of the plan, once.
  await background.evaluate(storeSettings, { alertKinds: { ...ONLY_BUDGET, quota: true } });
  await expect.poll(async () => (await titles())[2]).toMatch(/ — Tokens de LLM: 1\.050% do plano$/);
  // The settings' change repainted the badge from the newest figures: red.
  await expect.poll(() => badge(background)).toEqual({ text: '31', color: '#dc2626' });
  expect((await shown())[2]!.message).toBe('1.050.000 de 100.000 tokens incluídos');
  await askBackground({ op: 'billing.get', freshness: 'force' });
  await askBackground({ op: 'billing.get', freshness: 'force' });
  const alerts = await askBackground({ op: 'alerts.get' });
  expect(alerts.value.active.map((w: { kind: string; level: number }) => `${w.kind} ${w.level}`)).toEqual(['budget 100', 'quota 100']);
  expect(alerts.value.active.every((w: { at: number | null }) => typeof w.at === 'number')).toBe(true);
  expect(await shown()).toHaveLength(3);
  expect(await background.evaluate(() => (globalThis as any).chrome.action.getTitle({}))).toMatch(/Orçamento: 104% \(nível 100%\)\nTokens de LLM: 1\.050% do plano/);
});

test('a click opens the full page at that tenant and month; "Silenciar este mês" stops the tenant\'s alerts', async ({
  context, signIn, background, replica, askBackground, extensionId,
}) => {
  const shown = await recordNotifications(background);
  await background.evaluate(storeSettings, { budgetCents: 3000, alertKinds: ONLY_BUDGET });
  await signIn(await context.newPage(), 'belgo_admin', { token: 'legacy' });
  await expect.poll(async () => (await shown()).length).toBe(1);
  const [{ id }] = (await shown()) as [Shown];
  const month = new Date().toISOString().slice(0, 7);

  const [full] = await Promise.all([
    context.waitForEvent('page'),
    background.evaluate((notification) => (globalThis as any).chrome.notifications.onClicked.dispatch(notification), id),
  ]);
  // The page names its dashboard: it shows that one's figures whichever is chosen later.
  await expect(full).toHaveURL(`chrome-extension://${extensionId}/billing.html#tenant=BELGO-001&month=${month}&dashboard=${encodeURIComponent(replica.origin)}`);
  await expect.poll(() => background.evaluate(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()))).toEqual([]);

  // Past the budget: the 100% comes, and its "Silenciar este mês" is pressed.
  const over = adminUsage('BELGO-001', null);
  over.summary.costs = { ...over.summary.costs, total_cents: 3120 };
  replica.faults.set(BELGO_USAGE, { status: 200, body: JSON.stringify(over), contentType: 'application/json' });
  await askBackground({ op: 'billing.get', freshness: 'force' });
  await expect.poll(async () => (await shown()).length).toBe(2);
  await background.evaluate((notification) => (globalThis as any).chrome.notifications.onButtonClicked.dispatch(notification, 1), (await shown())[1]!.id);
  await expect.poll(async () => (await askBackground({ op: 'alerts.get' })).value.silenced).toBe(true);

  // Silenced: the API calls at 95% of the plan and the LLM tokens past it cross, and nothing is announced.
  over.summary.metrics = { ...over.summary.metrics, api_calls: 9500 };
  over.breakdown.api_calls = { ...over.breakdown.api_calls, used: 9500 };
  replica.faults.set(BELGO_USAGE, { status: 200, body: JSON.stringify(over), contentType: 'application/json' });
  await background.evaluate(storeSettings, { alertKinds: { ...ONLY_BUDGET, quota: true } });
  await askBackground({ op: 'billing.get', freshness: 'force' });
  const alerts = (await askBackground({ op: 'alerts.get' })).value;
  expect(alerts.active.map((w: { kind: string; level: number; resource?: string }) => `${w.resource ?? w.kind} ${w.level}`)).toEqual(['budget 100', 'llm 100', 'api 80']);
  expect(alerts.active.map((w: { at: number | null }) => w.at === null)).toEqual([false, true, true]);
  expect(await shown()).toHaveLength(2);
  // Heard again: what crossed meanwhile comes, in one notification.
  await askBackground({ op: 'alerts.silence', tenantId: 'BELGO-001', silenced: false });
  await askBackground({ op: 'billing.get', freshness: 'force' });
  await expect.poll(async () => (await shown()).map((n) => n.message)).toEqual([
    expect.any(String),
    expect.any(String),
    '1.050.000 de 100.000 tokens incluídos E mais 1 alerta.',
  ]);
});
