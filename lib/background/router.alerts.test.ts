/**
 * alerts.get and alerts.silence: the warnings in force for our own pages, never for a dashboard
 * tab (the host's page has no say in the person's alerts); "Silenciar este mês" kept per tenant
 * and period, and lifted again; after the token is gone, the error the popup words.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleRequest } from '@/lib/background/router';
import { DASHBOARD, POPUP, report, setUpRouterTests, TWO_TENANTS, host, withTenantClaim } from '@/lib/background/router.support';
import type { Result } from '@/lib/billing/model';
import { monthOf } from '@/lib/billing/month';
import type { AlertsView } from '@/lib/protocol/replies';
import { budgetAlertsShownItem } from '@/lib/storage/budget-alerts-shown';
import { updateSettings } from '@/lib/storage/settings';
import type { Caller } from '@/lib/background/sender';
import { ORIGIN, mintJwt } from '@/tests/support/fake-host';

setUpRouterTests();

const MONTH = monthOf(new Date());
const get = (tenantId?: string, caller: Caller = POPUP) =>
  handleRequest(caller, { op: 'alerts.get', ...(tenantId && { tenantId }) }) as Promise<Result<AlertsView>>;
const silence = (tenantId: string, silenced: boolean, caller: Caller = POPUP) =>
  handleRequest(caller, { op: 'alerts.silence', tenantId, silenced }) as Promise<Result<AlertsView>>;

beforeEach(async () => {
  await report(withTenantClaim({ sub: 'belgo_admin' }), 'BELGO-001');
  await updateSettings({ budgetCents: 3000, alertKinds: { budget: true, estimate: false, quota: true } });
});

describe('alerts.get', () => {
  it("answers the active tenant's warnings in force, worst first, none announced yet", async () => {
    const reply = await get();
    expect(reply.ok && reply.value).toMatchObject({ tenantId: 'BELGO-001', period: MONTH, silenced: false });
    const active = reply.ok ? reply.value.active : [];
    expect(active.map((w) => [w.kind, w.level, w.at])).toEqual([
      ['quota', 100, null],
      ['budget', 80, null],
    ]);
    expect(active[0]).toMatchObject({ resource: 'llm', figure: 1_050_000, limit: 100_000 });
    expect(active[1]).toMatchObject({ figure: { cents: 2702, currency: 'BRL' }, limit: { cents: 3000, currency: 'BRL' } });
  });

  it('says when each was announced', async () => {
    await budgetAlertsShownItem.setValue({
      announced: { [`${ORIGIN} BELGO-001 ${MONTH} budget`]: { level: 100, at: 1234 } },
      silenced: [],
    });
    const reply = await get('BELGO-001');
    expect(reply.ok && reply.value.active.map((w) => w.at)).toEqual([null, 1234]);
  });

  it('answers a dashboard tab nothing, and a signed-out person why', async () => {
    expect(await get(undefined, DASHBOARD)).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(await silence('BELGO-001', true, DASHBOARD)).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(await budgetAlertsShownItem.getValue()).toEqual({ announced: {}, silenced: [] });
    await report(null);
    expect(await get()).toEqual({ ok: false, error: { kind: 'signedOut' } });
  });

  it('answers only for a tenant of the person', async () => {
    expect(await get('TECH-001')).toEqual({ ok: false, error: { kind: 'noAccess' } });
    host.route('/api/user/tenants', TWO_TENANTS);
    await report(mintJwt({ sub: 'belgo_admin' }));
    const tech = await get('TECH-001');
    expect(tech.ok && tech.value.tenantId).toBe('TECH-001');
  });
});

describe('alerts.silence', () => {
  it("silences the tenant for this period, and lifts it: the warnings stay in force", async () => {
    const on = await silence('BELGO-001', true);
    expect(on.ok && on.value.silenced).toBe(true);
    expect(on.ok && on.value.active).toHaveLength(2);
    expect((await budgetAlertsShownItem.getValue()).silenced).toEqual([`${ORIGIN} BELGO-001 ${MONTH}`]);
    expect((await get()).ok && ((await get()) as { value: AlertsView }).value.silenced).toBe(true);
    const off = await silence('BELGO-001', false);
    expect(off.ok && off.value.silenced).toBe(false);
    expect((await budgetAlertsShownItem.getValue()).silenced).toEqual([]);
  });
});
