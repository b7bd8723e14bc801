/**
 * Every tenant's row: the requests one tenant needs (its month and the month before), no more;
 * a failure stays in its own row; replies overtaken by a retry or by another dashboard are dropped.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { TenantRows } from '@/lib/ui/tenant-rows.svelte';
import { updateSettings } from '@/lib/storage/settings';
import { tenantChoicesItem } from '@/lib/storage/tenant-choices';
import type { Request } from '@/lib/protocol/replies';
import { isNoAccess } from '@/lib/billing/tenant-overview';
import { deferred, ORIGIN } from '@/tests/support/fake-host';
import { snapshot } from '@/tests/support/tenant-overview';
import { brl } from '@/tests/support/usage';

type Ask = Extract<Request, { op: 'billing.get' | 'tenants.get' }>;
interface Pending {
  request: Ask;
  answer: ReturnType<typeof deferred<unknown>>;
}
let asked: Pending[];

beforeEach(() => {
  asked = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((request: Ask) => {
    const answer = deferred<unknown>();
    asked.push({ request, answer });
    return answer.promise;
  }) as never);
});

const tenant = (id: string, source = 'host') => ({ id, name: `Name of ${id}`, color: null, source });
const list = (...ids: string[]) => ({ ok: true, value: { origin: ORIGIN, person: 'belgo_admin', tenants: ids.map((id) => tenant(id)), activeId: ids[0], hint: null } });
const view = (id: string, over: Parameters<typeof snapshot>[1] = {}, stale = false) => ({
  ok: true,
  value: { tenant: tenant(id), snapshot: snapshot(id, over), stale, refreshError: null, retryAt: null },
});
const lastMonth = (id: string, cents: number) => view(id, { month: '2026-11', period: '2026-11', total: brl(cents) });

/** The requests not answered yet that match `match`. */
const open = (match: Partial<Record<string, unknown>>) =>
  asked.filter(({ request }) => Object.entries(match).every(([key, value]) => (request as Record<string, unknown>)[key] === value));
/** Answers the one open request matching `match`, and lets the loader take it in. */
async function answer(match: Partial<Record<string, unknown>>, reply: unknown): Promise<void> {
  const found = open(match);
  expect(found, JSON.stringify(match)).toHaveLength(1);
  asked.splice(asked.indexOf(found[0]!), 1);
  found[0]!.answer.resolve(reply);
  await vi.waitFor(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 0));
}
const stateOf = (rows: TenantRows, id: string) => rows.rows.find((row) => row.tenant.id === id)?.state;

describe('TenantRows', () => {
  it("asks the list, then each tenant's month and the month before: two requests per tenant, with the change", async () => {
    const rows = new TenantRows();
    const stop = rows.start();
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    await answer({ op: 'tenants.get' }, list('BELGO-001', 'TECH-001'));
    expect(rows.rows.map((row) => [row.tenant.id, row.active, row.state.kind])).toEqual([
      ['BELGO-001', true, 'loading'],
      ['TECH-001', false, 'loading'],
    ]);
    expect(asked.map(({ request }) => request)).toEqual([
      { op: 'billing.get', tenantId: 'BELGO-001', freshness: 'cached' },
      { op: 'billing.get', tenantId: 'TECH-001', freshness: 'cached' },
    ]);
    await answer({ tenantId: 'BELGO-001' }, view('BELGO-001'));
    await answer({ tenantId: 'TECH-001' }, view('TECH-001', { total: brl(298) }));
    const belgo = stateOf(rows, 'BELGO-001');
    expect(belgo?.kind === 'ready' && belgo.figures).toMatchObject({ cost: brl(2702), change: undefined });
    await answer({ tenantId: 'BELGO-001', month: '2026-11' }, lastMonth('BELGO-001', 2000));
    await answer({ tenantId: 'TECH-001', month: '2026-11' }, lastMonth('TECH-001', 0));
    const [b, t] = [stateOf(rows, 'BELGO-001'), stateOf(rows, 'TECH-001')];
    expect(b?.kind === 'ready' && b.figures.change).toMatchObject({ kind: 'up', delta: brl(702) });
    expect(t?.kind === 'ready' && t.figures.change).toEqual({ kind: 'noUsageLastMonth' });
    expect(asked).toHaveLength(0);
    stop();
  });

  it('keeps a failed tenant in its own row, says a refusal apart, and Retry asks that tenant alone from the host', async () => {
    const rows = new TenantRows();
    rows.start();
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    await answer({ op: 'tenants.get' }, list('BELGO-001', 'NOPE-001', 'SLOW-001'));
    await answer({ tenantId: 'BELGO-001' }, view('BELGO-001'));
    await answer({ tenantId: 'NOPE-001' }, { ok: false, error: { kind: 'noAccess' } });
    await answer({ tenantId: 'SLOW-001' }, { ok: false, error: { kind: 'timeout' } });
    expect(rows.rows.map((row) => [row.state.kind, isNoAccess(row)])).toEqual([
      ['ready', false],
      ['error', true],
      ['error', false],
    ]);
    rows.retry('SLOW-001');
    expect(stateOf(rows, 'SLOW-001')).toEqual({ kind: 'loading' });
    expect(stateOf(rows, 'BELGO-001')?.kind).toBe('ready');
    await answer({ tenantId: 'SLOW-001', freshness: 'force' }, view('SLOW-001'));
    expect(stateOf(rows, 'SLOW-001')?.kind).toBe('ready');
  });

  it("never shows an answer about another tenant under this one's name, nor one a retry overtook", async () => {
    const rows = new TenantRows();
    rows.start();
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    await answer({ op: 'tenants.get' }, list('TECH-001'));
    await answer({ tenantId: 'TECH-001' }, view('BELGO-001'));
    expect(stateOf(rows, 'TECH-001')).toEqual({ kind: 'loading' });
    rows.retry('TECH-001');
    const [late] = open({ tenantId: 'TECH-001' });
    rows.retry('TECH-001');
    late!.answer.resolve({ ok: false, error: { kind: 'timeout' } });
    asked.splice(asked.indexOf(late!), 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stateOf(rows, 'TECH-001')).toEqual({ kind: 'loading' });
  });

  it('refreshes stale cached figures behind them, once', async () => {
    const rows = new TenantRows();
    rows.start();
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    await answer({ op: 'tenants.get' }, list('BELGO-001'));
    await answer({ tenantId: 'BELGO-001', freshness: 'cached' }, view('BELGO-001', {}, true));
    expect(open({ tenantId: 'BELGO-001', freshness: 'fresh' })).toHaveLength(1);
    await answer({ tenantId: 'BELGO-001', freshness: 'fresh' }, view('BELGO-001', { total: brl(3000) }, true));
    const state = stateOf(rows, 'BELGO-001');
    expect(state?.kind === 'ready' && state.figures).toMatchObject({ cost: brl(3000), stale: true });
    // The month before was asked once, for the month the figures are in.
    expect(open({ month: '2026-11' })).toHaveLength(1);
    expect(open({ freshness: 'fresh' })).toHaveLength(0);
  });

  it("uses each tenant's own budget where it has one, the default elsewhere", async () => {
    await updateSettings({ budgetCents: 5404, tenantBudgets: [{ origin: ORIGIN, tenantId: 'TECH-001', budgetCents: 1000, budgetLevels: null }] });
    const rows = new TenantRows();
    rows.start();
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    await answer({ op: 'tenants.get' }, list('BELGO-001', 'TECH-001'));
    await answer({ tenantId: 'BELGO-001' }, view('BELGO-001'));
    await answer({ tenantId: 'TECH-001' }, view('TECH-001', { total: brl(500) }));
    const percents = rows.rows.map((row) => (row.state.kind === 'ready' ? row.state.figures.budgetPercent : null));
    expect(percents).toEqual([50, 50]);
  });

  it('a tenant switched or chosen asks the list again and only the new tenant; another dashboard starts over', async () => {
    const rows = new TenantRows();
    rows.start();
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    await answer({ op: 'tenants.get' }, list('BELGO-001'));
    await answer({ tenantId: 'BELGO-001' }, view('BELGO-001'));
    await tenantChoicesItem.setValue({ [`${ORIGIN} belgo_admin`]: { chosen: ['TECH-001'], active: 'TECH-001' } });
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    await answer({ op: 'tenants.get' }, list('BELGO-001', 'TECH-001'));
    expect(open({ op: 'billing.get', freshness: 'cached' }).map(({ request }) => 'tenantId' in request && [request.tenantId, request.month])).toEqual([
      ['BELGO-001', '2026-11'],
      ['TECH-001', undefined],
    ]);
    expect(stateOf(rows, 'BELGO-001')?.kind).toBe('ready');

    const before = open({ tenantId: 'TECH-001' })[0]!;
    await updateSettings({ dashboardOrigin: 'https://dashboard.example' });
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    expect(rows.rows).toEqual([]);
    before.answer.resolve(view('TECH-001'));
    await answer({ op: 'tenants.get' }, list('OTHER-001'));
    expect(rows.rows.map((row) => [row.tenant.id, row.state.kind])).toEqual([['OTHER-001', 'loading']]);
  });

  it("with a dashboard, names it beside every question, drops no row, and hears that dashboard's changes alone", async () => {
    const B = 'http://localhost:9002';
    await updateSettings({ dashboards: [{ name: 'Produção', origin: ORIGIN }, { name: 'Homologação', origin: B }], dashboardOrigin: ORIGIN });
    const rows = new TenantRows({ dashboard: B });
    rows.start();
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    const atB = { ...list('TECH-001', 'TECH-002'), value: { ...list('TECH-001', 'TECH-002').value, origin: B, person: 'tech_admin' } };
    await answer({ op: 'tenants.get' }, atB);
    await answer({ tenantId: 'TECH-001' }, view('TECH-001'));
    await answer({ tenantId: 'TECH-002' }, view('TECH-002', { total: brl(298) }));
    await answer({ tenantId: 'TECH-001', month: '2026-11' }, lastMonth('TECH-001', 2000));
    await answer({ tenantId: 'TECH-002', month: '2026-11' }, lastMonth('TECH-002', 100));
    expect(rows.rows.map((row) => [row.tenant.id, row.state.kind])).toEqual([['TECH-001', 'ready'], ['TECH-002', 'ready']]);
    void rows.choose('TECH-003');
    const sent = vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.map(([message]) => message as Record<string, unknown>);
    expect(sent.map((message) => message.op)).toEqual(['tenants.get', 'billing.get', 'billing.get', 'billing.get', 'billing.get', 'tenant.choose']);
    expect(sent.every((message) => message.dashboard === B)).toBe(true);
    asked.splice(0);

    // Another dashboard chosen, or a tenant chosen by someone at the other dashboard: nothing to
    // do here. A tenant chosen at B (heard after them, in order): the list again, figures kept.
    await updateSettings({ dashboardOrigin: B });
    await tenantChoicesItem.setValue({ [`${ORIGIN} belgo_admin`]: { chosen: ['BELGO-002'], active: 'BELGO-002' } });
    await tenantChoicesItem.setValue({
      [`${ORIGIN} belgo_admin`]: { chosen: ['BELGO-002'], active: 'BELGO-002' },
      [`${B} tech_admin`]: { chosen: ['TECH-003'], active: 'TECH-003' },
    });
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    expect(asked).toHaveLength(1);
    expect(rows.rows.map((row) => row.state.kind)).toEqual(['ready', 'ready']);

    // B leaves the list: it starts over (and the background answers no more for it).
    await updateSettings({ dashboards: [{ name: 'Produção', origin: ORIGIN }], dashboardOrigin: ORIGIN });
    await vi.waitFor(() => expect(rows.rows).toEqual([]));
  });

  it('says why there is no list (signed out), and nothing is fetched', async () => {
    const rows = new TenantRows();
    rows.start();
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    await answer({ op: 'tenants.get' }, { ok: false, error: { kind: 'signedOut' } });
    expect([rows.listError, rows.rows, asked.length]).toEqual([{ kind: 'signedOut' }, [], 0]);
  });

  it('with minTenants, a list shorter than that fetches no figures and has no rows, until it grows', async () => {
    const rows = new TenantRows({ minTenants: 2 });
    rows.start();
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    await answer({ op: 'tenants.get' }, list('BELGO-001'));
    expect([rows.list?.tenants.length, rows.rows, asked.length]).toEqual([1, [], 0]);
    await tenantChoicesItem.setValue({ [`${ORIGIN} belgo_admin`]: { chosen: ['TECH-001'], active: 'TECH-001' } });
    await vi.waitFor(() => expect(open({ op: 'tenants.get' })).toHaveLength(1));
    await answer({ op: 'tenants.get' }, list('BELGO-001', 'TECH-001'));
    expect(open({ op: 'billing.get' }).map(({ request }) => 'tenantId' in request && request.tenantId)).toEqual(['BELGO-001', 'TECH-001']);
    expect(rows.rows.map((row) => row.state.kind)).toEqual(['loading', 'loading']);
  });
});
