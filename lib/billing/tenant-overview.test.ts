// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isNoAccess, sortRows, tenantFigures, totalsByCurrency, DEFAULT_SORT } from '@/lib/billing/tenant-overview';
import { figures, loading, ready, refused, snapshot } from '@/tests/support/tenant-overview';
import { brl, usage } from '@/tests/support/usage';

const usd = (cents: number) => ({ cents, currency: 'USD' });
const noBudget = { budgetCents: null, budgetLevels: [80, 100] };
const ids = (rows: { tenant: { id: string } }[]) => rows.map((row) => row.tenant.id);

describe('tenantFigures', () => {
  it("is what a row shows: cost, calls, tokens, the quota most used and the change against last month's total", () => {
    const f = tenantFigures({ snapshot: snapshot('BELGO-001'), stale: true, previous: { ok: true, value: usage({ month: '2026-11', total: brl(2000) }) }, budget: noBudget });
    expect(f).toMatchObject({ tenantId: 'BELGO-001', cost: brl(2702), apiCalls: 120, llmTokens: 1_050_000, month: '2026-12', lastMonth: '2026-11', stale: true });
    // Belgo's LLM tokens are 10.5 times what the plan includes.
    expect(f.mostUsedQuota).toEqual({ key: 'llm', percent: 1050 });
    expect(f.change).toEqual({ kind: 'up', percent: expect.closeTo(35.1, 6), delta: brl(702) });
  });

  it('says last month is loading (undefined) apart from nothing to compare (null)', () => {
    const at = (previous: Parameters<typeof tenantFigures>[0]['previous'], over = {}) =>
      tenantFigures({ snapshot: snapshot('X', over), stale: false, previous, budget: noBudget }).change;
    expect(at(undefined)).toBeUndefined();
    expect(at({ ok: false, error: { kind: 'timeout' } })).toBeNull();
    expect(at({ ok: true, value: usage({ total: usd(100) }) })).toBeNull();
    // The panel's rolling 30 days have no last month at all.
    expect(at(undefined, { month: null })).toBeNull();
  });

  it("uses the tenant's budget, else the host's limit, and colours it by the lowest level", () => {
    const own = tenantFigures({ snapshot: snapshot('X'), stale: false, previous: undefined, budget: { budgetCents: 3000, budgetLevels: [50, 100] } });
    expect(own.budgetPercent).toBeCloseTo(90.07, 2);
    expect(own.budgetLevel).toBe('warn');
    const limit = { ok: true, value: { spent: brl(0), projectedTotal: brl(0), daysRemaining: 1, nextMonth: null, budget: { monthlyLimit: brl(2000), usagePct: 0, alertThreshold: 80 } } } as const;
    const host = tenantFigures({ snapshot: snapshot('X', {}, { projections: limit }), stale: false, previous: undefined, budget: noBudget });
    expect([host.budgetPercent, host.budgetLevel]).toEqual([expect.closeTo(135.1, 6), 'over']);
    expect(tenantFigures({ snapshot: snapshot('X'), stale: false, previous: undefined, budget: noBudget })).toMatchObject({ budgetPercent: null, budgetLevel: 'ok' });
  });
});

describe('sortRows', () => {
  const rows = [
    ready('A', figures('A', brl(500), { apiCalls: 9, budgetPercent: 10 }), 'Alfa', 'chosen'),
    refused('R', 'Recusado'),
    ready('B', figures('B', brl(2702), { apiCalls: 1, budgetPercent: null }), 'beta', 'host'),
    loading('L', 'Lento'),
    ready('C', figures('C', brl(1000), { apiCalls: 5, budgetPercent: 50 }), 'Charlie', 'token'),
  ];

  it('is most expensive first by default, rows without figures last', () => {
    expect(ids(sortRows(rows, DEFAULT_SORT, 'pt-BR'))).toEqual(['B', 'C', 'A', 'L', 'R']);
    expect(ids(sortRows(rows, { column: 'cost', direction: 'ascending' }, 'pt-BR'))).toEqual(['A', 'C', 'B', 'L', 'R']);
  });

  it('sorts by any column, values the row lacks going last in both directions', () => {
    expect(ids(sortRows(rows, { column: 'apiCalls', direction: 'descending' }, 'en'))).toEqual(['A', 'C', 'B', 'L', 'R']);
    expect(ids(sortRows(rows, { column: 'budget', direction: 'ascending' }, 'en'))).toEqual(['A', 'C', 'B', 'L', 'R']);
    expect(ids(sortRows(rows, { column: 'source', direction: 'ascending' }, 'en'))).toEqual(['B', 'C', 'A', 'L', 'R']);
  });

  it('sorts names as people read them (case and accents aside)', () => {
    expect(ids(sortRows(rows, { column: 'tenant', direction: 'ascending' }, 'pt-BR'))).toEqual(['A', 'B', 'C', 'L', 'R']);
    expect(ids(sortRows(rows, { column: 'tenant', direction: 'descending' }, 'pt-BR'))).toEqual(['R', 'L', 'C', 'B', 'A']);
  });

  it('never compares amounts in different currencies: grouped by currency, sorted within', () => {
    const mixed = [ready('U', figures('U', usd(9_999_999))), ready('B1', figures('B1', brl(100))), ready('B2', figures('B2', brl(200)))];
    expect(ids(sortRows(mixed, DEFAULT_SORT, 'en'))).toEqual(['B2', 'B1', 'U']);
  });

  it('ranks a rise from nothing above any percentage', () => {
    const change = [
      ready('UP', figures('UP', brl(200), { change: { kind: 'up', percent: 900, delta: brl(180) } })),
      ready('NEW', figures('NEW', brl(200), { change: { kind: 'noUsageLastMonth' } })),
      ready('DOWN', figures('DOWN', brl(200), { change: { kind: 'down', percent: -50, delta: brl(-200) } })),
    ];
    expect(ids(sortRows(change, { column: 'change', direction: 'descending' }, 'en'))).toEqual(['NEW', 'UP', 'DOWN']);
  });
});

describe('totalsByCurrency', () => {
  it('adds each currency apart, never across, counting only rows with figures', () => {
    const rows = [
      ready('A', figures('A', brl(2702), { apiCalls: 120, llmTokens: 1000 })),
      ready('U', figures('U', usd(500), { apiCalls: 3, llmTokens: 7 })),
      ready('B', figures('B', brl(298), { apiCalls: 80, llmTokens: 5 })),
      refused('R'),
      loading('L'),
    ];
    expect(totalsByCurrency(rows)).toEqual([
      { cost: brl(3000), apiCalls: 200, llmTokens: 1005, tenants: 2 },
      { cost: usd(500), apiCalls: 3, llmTokens: 7, tenants: 1 },
    ]);
    expect(totalsByCurrency([refused('R')])).toEqual([]);
  });
});

describe('isNoAccess', () => {
  it('is a refusal only, not any failure', () => {
    expect(isNoAccess(refused('R'))).toBe(true);
    expect(isNoAccess({ tenant: { id: 'T', name: 'T', source: 'host' }, state: { kind: 'error', error: { kind: 'timeout' } } })).toBe(false);
    expect(isNoAccess(loading('L'))).toBe(false);
  });
});
