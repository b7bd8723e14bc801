// @vitest-environment node
/**
 * Property-based: whatever the rows, sorting keeps every row once, puts rows without figures
 * last, orders costs only within one currency, and the totals add each currency apart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OVERVIEW_COLUMNS, sortRows, totalsByCurrency, type OverviewRow } from '@/lib/billing/tenant-overview';
import { figures, loading, ready, refused } from '@/tests/support/tenant-overview';

const rowArb: fc.Arbitrary<OverviewRow> = fc
  .record({
    id: fc.stringMatching(/^[A-Z]{1,4}-\d{3}$/),
    name: fc.string({ maxLength: 8 }),
    kind: fc.constantFrom('ready', 'ready', 'ready', 'loading', 'refused'),
    cents: fc.integer({ min: -10_000, max: 10_000_000 }),
    currency: fc.constantFrom('BRL', 'USD', 'EUR'),
    apiCalls: fc.nat(),
    budgetPercent: fc.option(fc.double({ min: 0, max: 5000, noNaN: true })),
    source: fc.constantFrom('host', 'token', 'chosen'),
  })
  .map(({ id, name, kind, cents, currency, apiCalls, budgetPercent, source }) =>
    kind === 'loading'
      ? loading(id, name)
      : kind === 'refused'
        ? refused(id, name)
        : ready(id, figures(id, { cents, currency }, { apiCalls, llmTokens: apiCalls * 3, budgetPercent }), name, source),
  );
const rowsArb = fc.array(rowArb, { maxLength: 20 });
const sortArb = fc.record({ column: fc.constantFrom(...OVERVIEW_COLUMNS), direction: fc.constantFrom('ascending' as const, 'descending' as const) });
const hasFigures = (row: OverviewRow) => row.state.kind === 'ready';

describe('sortRows (properties)', () => {
  it('keeps every row once, and the given array as it was', () => {
    fc.assert(
      fc.property(rowsArb, sortArb, (rows, sort) => {
        const before = [...rows];
        const sorted = sortRows(rows, sort, 'pt-BR');
        expect(rows).toEqual(before);
        expect(sorted).toHaveLength(rows.length);
        expect(new Set(sorted)).toEqual(new Set(rows));
      }),
    );
  });

  it('puts rows without figures after every row with them, whatever the column (but the name)', () => {
    fc.assert(
      fc.property(rowsArb, sortArb, (rows, sort) => {
        fc.pre(sort.column !== 'tenant' && sort.column !== 'source');
        const sorted = sortRows(rows, sort, 'en');
        const firstWithout = sorted.findIndex((row) => !hasFigures(row));
        if (firstWithout >= 0) expect(sorted.slice(firstWithout).every((row) => !hasFigures(row))).toBe(true);
      }),
    );
  });

  it('orders cost within each currency, and never interleaves currencies', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom('ascending' as const, 'descending' as const), (rows, direction) => {
        const sorted = sortRows(rows, { column: 'cost', direction }, 'en').flatMap((row) => (row.state.kind === 'ready' ? [row.state.figures.cost] : []));
        const currencies = sorted.map((cost) => cost.currency);
        // Each currency in one run: once left, never seen again.
        expect(new Set(currencies).size).toBe(currencies.filter((c, i) => c !== currencies[i - 1]).length);
        for (let i = 1; i < sorted.length; i++) {
          if (sorted[i]!.currency !== sorted[i - 1]!.currency) continue;
          const step = sorted[i]!.cents - sorted[i - 1]!.cents;
          expect(direction === 'ascending' ? step >= 0 : step <= 0).toBe(true);
        }
      }),
    );
  });
});

describe('totalsByCurrency (properties)', () => {
  it('has one total per currency, each the sum of that currency alone', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const totals = totalsByCurrency(rows);
        const withFigures = rows.flatMap((row) => (row.state.kind === 'ready' ? [row.state.figures] : []));
        expect(totals.map((total) => total.cost.currency)).toEqual([...new Set(withFigures.map((f) => f.cost.currency))].sort());
        for (const total of totals) {
          const mine = withFigures.filter((f) => f.cost.currency === total.cost.currency);
          expect(total.cost.cents).toBe(mine.reduce((sum, f) => sum + f.cost.cents, 0));
          expect(total.apiCalls).toBe(mine.reduce((sum, f) => sum + f.apiCalls, 0));
          expect(total.tenants).toBe(mine.length);
        }
      }),
    );
  });
});
