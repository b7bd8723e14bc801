/** The alert rules on Belgo Arames' December: which warnings are in force, which are new, in which order. */
import { describe, expect, it } from 'vitest';
import { alertFigures, alertLevel, evaluateAlerts, periodKey, type AlertFigures, type AlertInput, type Announced, type TenantPeriod } from '@/lib/billing/alerts';
import type { BillingSnapshot, Projections, Quotas } from '@/lib/billing/model';
import { BELGO_QUOTAS, brl, usage } from '@/tests/support/usage';

const ORIGIN = 'http://localhost:9001';
const NO_QUOTAS: Quotas = { api: null, llm: null, storage: null, compute: null };
const ALL = { budget: true, estimate: true, quota: true };
const KEY = { origin: ORIGIN, tenantId: 'BELGO-001', period: '2026-12' };

/** R$ 27,02 of a R$ 30,00 budget (90%), levels 50/80/100, no estimate, no quotas, unless `over` says. */
const figures = (over: Partial<AlertFigures> = {}): AlertFigures => ({
  cost: brl(2702), budget: brl(3000), levels: [50, 80, 100], estimate: null, quotas: NO_QUOTAS, ...over,
});
const input = (over: Partial<AlertInput> = {}): AlertInput => ({ ...KEY, figures: figures(), kinds: ALL, announced: {}, silenced: false, ...over });
/** `alert` announced at `level`, for Belgo's December unless `over` says another tenant, origin or period. */
const announced = (alert: string, level: number, over: Partial<TenantPeriod> = {}): Announced => ({
  [`${periodKey({ ...KEY, ...over })} ${alert}`]: { level, at: 1000 },
});
/** What a list of warnings says, briefly: "budget 80", "quota.llm 100". */
const said = (warnings: { kind: string; level: number; resource?: string }[]) =>
  warnings.map((w) => `${w.resource ? `quota.${w.resource}` : w.kind} ${w.level}`);

describe('evaluateAlerts', () => {
  it('R$ 27,02 of R$ 30,00: the 80% level, once', () => {
    const first = evaluateAlerts(input());
    expect(said(first.crossings)).toEqual(['budget 80']);
    expect(first.active).toEqual([{ kind: 'budget', level: 80, percent: (2702 / 3000) * 100, figure: brl(2702), limit: brl(3000), at: null }]);
    const again = evaluateAlerts(input({ announced: announced('budget', 80) }));
    expect(again.crossings).toEqual([]);
    expect(again.active[0]!.at).toBe(1000);
  });

  it('a level reached exactly counts; a cent short does not', () => {
    expect(said(evaluateAlerts(input({ figures: figures({ cost: brl(2400) }) })).active)).toEqual(['budget 80']);
    expect(said(evaluateAlerts(input({ figures: figures({ cost: brl(2399) }) })).active)).toEqual(['budget 50']);
    expect(said(evaluateAlerts(input({ figures: figures({ cost: brl(3000) }) })).active)).toEqual(['budget 100']);
  });

  it('a level announced covers the lower ones: a budget raised later brings no 80% after the 100%', () => {
    const raised = evaluateAlerts(input({ figures: figures({ budget: brl(3300) }), announced: announced('budget', 100) }));
    expect(said(raised.active)).toEqual(['budget 80']);
    expect(raised.crossings).toEqual([]);
    expect(raised.active[0]!.at).toBe(1000);
  });

  it("another tenant's, origin's or period's announcements do not count: a new month starts clean", () => {
    for (const other of [{ period: '2026-11' }, { tenantId: 'TECH-001' }, { origin: 'https://dash.example' }])
      expect(said(evaluateAlerts(input({ announced: announced('budget', 100, other) })).crossings)).toEqual(['budget 80']);
  });

  it('several at once, worst first: a limit passed, then the estimate, then warnings by level, budget before quota, quotas in their usual order', () => {
    const quotas: Quotas = { ...BELGO_QUOTAS, api: { used: 8_000, included: 10_000 }, compute: { used: 600, included: 600 } };
    const all = evaluateAlerts(input({ figures: figures({ quotas, cost: brl(2400), estimate: brl(9000) }) }));
    expect(said(all.crossings)).toEqual(['quota.llm 100', 'quota.compute 100', 'estimate 100', 'budget 80', 'quota.api 80']);
    expect(all.active).toEqual(all.crossings);
    const over = evaluateAlerts(input({ figures: figures({ quotas, cost: brl(3100), estimate: brl(9000) }) }));
    // Over the budget, the estimate says nothing more.
    expect(said(over.crossings)).toEqual(['budget 100', 'quota.llm 100', 'quota.compute 100', 'quota.api 80']);
  });

  it('the estimate: above the budget only, in its currency', () => {
    expect(said(evaluateAlerts(input({ figures: figures({ cost: brl(1000), estimate: brl(3001) }) })).active)).toEqual(['estimate 100']);
    expect(evaluateAlerts(input({ figures: figures({ cost: brl(1000), estimate: brl(3000) }) })).active).toEqual([]);
    expect(evaluateAlerts(input({ figures: figures({ cost: brl(1000), estimate: { cents: 9000, currency: 'USD' } }) })).active).toEqual([]);
  });

  it('kinds turned off warn of nothing; without a usable budget, only quotas warn', () => {
    const quotas = BELGO_QUOTAS;
    expect(evaluateAlerts(input({ figures: figures({ quotas }), kinds: { budget: false, estimate: true, quota: false } })).active).toEqual([]);
    expect(said(evaluateAlerts(input({ figures: figures({ quotas, budget: null }) })).active)).toEqual(['quota.llm 100']);
    expect(said(evaluateAlerts(input({ figures: figures({ budget: { cents: 3000, currency: 'USD' } }) })).active)).toEqual([]);
  });

  it('silenced: the warnings stay in force, none is announced', () => {
    const quiet = evaluateAlerts(input({ silenced: true }));
    expect(said(quiet.active)).toEqual(['budget 80']);
    expect(quiet.crossings).toEqual([]);
  });
});

describe('alertLevel', () => {
  it('red with a limit reached, amber with a warning or the estimate, green without', () => {
    const run = (over: Partial<AlertFigures>) => alertLevel(evaluateAlerts(input({ figures: figures(over) })).active);
    expect(run({})).toBe('warn');
    expect(run({ cost: brl(3000) })).toBe('over');
    expect(run({ cost: brl(100), estimate: brl(5000) })).toBe('warn');
    expect(run({ cost: brl(100), quotas: BELGO_QUOTAS })).toBe('over');
    expect(run({ cost: brl(100) })).toBe('ok');
  });
});

describe('alertFigures', () => {
  const notAvailable = { ok: false, error: { kind: 'notAvailable' } } as const;
  const snapshot = (over: Partial<BillingSnapshot> = {}): BillingSnapshot => ({
    origin: ORIGIN, tenantId: 'BELGO-001', family: 'adminV1', simulated: false, fetchedAt: 0, usage: usage(),
    invoices: notAvailable, projections: notAvailable, timeline: notAvailable, ...over,
  });
  const rule = { budgetCents: 3000, budgetLevels: [80, 100] };

  it("the month's figures and budget; our estimate from the 7th, as the full page shows it", () => {
    const sixth = alertFigures(snapshot(), rule, new Date('2026-12-06T23:00:00Z'));
    expect(sixth).toEqual({ period: '2026-12', cost: brl(2702), budget: brl(3000), levels: [80, 100], estimate: null, quotas: BELGO_QUOTAS });
    // R$ 27,02 in 7 days of 31.
    expect(alertFigures(snapshot(), rule, new Date('2026-12-07T00:00:00Z')).estimate).toEqual(brl(Math.round((2702 / 7) * 31)));
  });

  it("never the host's projection (the panel's, simulated); the panel's period is the month now", () => {
    const projections = (projectedTotal: number): { ok: true; value: Projections } => ({
      ok: true,
      value: { spent: brl(24_580), projectedTotal: brl(projectedTotal), daysRemaining: 5, nextMonth: null, budget: null },
    });
    const panel = usage({ month: null, period: 'month', total: brl(24_580) });
    const now = new Date('2026-12-20T12:00:00Z');
    const sane = alertFigures(snapshot({ usage: panel, projections: projections(30_000) }), rule, now);
    expect(sane.period).toBe('2026-12');
    expect(sane.estimate).toBeNull();
    // Where the host projects, the full page shows its projection, not our estimate: no alert either.
    expect(alertFigures(snapshot({ projections: projections(30_000) }), rule, now).estimate).toBeNull();
  });
});
