// @vitest-environment node
/**
 * Property-based: whatever the host names its tenants (and its currencies), the overview's CSV
 * reads back strictly in each locale's dialect, one record per tenant, the names as given
 * (apostrophe-neutralised); no cell of host text starts a formula however a spreadsheet splits it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OVERVIEW_CSV_HEADER, overviewToCsv } from '@/lib/billing/overview-csv';
import type { OverviewRow } from '@/lib/billing/tenant-overview';
import { expectSafeCsv, hostText, localeArb, neutralised, recordsOf } from '@/lib/billing/csv.support';
import { figures, loading, ready, refused } from '@/tests/support/tenant-overview';

const NUMERIC = ['custo', 'chamadas_api', 'tokens_llm', 'cota_pct', 'variacao_pct', 'variacao_valor', 'orcamento_pct'];
const money = fc.record({ cents: fc.integer({ min: -1_000_000, max: 1_000_000 }), currency: fc.oneof(fc.constantFrom('BRL', 'USD'), hostText) });
const change = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant({ kind: 'same' as const }),
  fc.constant({ kind: 'noUsageLastMonth' as const }),
  fc.record({ kind: fc.constantFrom('up' as const, 'down' as const), percent: fc.double({ min: -1e6, max: 1e6, noNaN: true }), delta: money }),
);
const rowArb: fc.Arbitrary<OverviewRow> = fc.oneof(
  fc
    .record({ id: hostText, name: hostText, source: hostText, cost: money, change, calls: fc.nat(), pct: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true })) })
    .map(({ id, name, source, cost, change, calls, pct }) =>
      ready(id, figures(id, cost, { apiCalls: calls, change, budgetPercent: pct, mostUsedQuota: pct === null ? null : { key: 'api', percent: pct } }), name, source),
    ),
  hostText.map((id) => refused(id, id)),
  hostText.map((id) => loading(id, id)),
);
const rowsArb = fc.array(rowArb, { maxLength: 10 });

describe('overviewToCsv (properties)', () => {
  it('is well formed in each dialect, and safe however a spreadsheet splits it', () => {
    fc.assert(fc.property(rowsArb, localeArb, (rows, locale) => expectSafeCsv(overviewToCsv(rows, locale), locale, OVERVIEW_CSV_HEADER, rows.length, NUMERIC)));
  });

  it("reads back each tenant's id, name and evidence as the host gave them (neutralised)", () => {
    fc.assert(
      fc.property(rowsArb, localeArb, (rows, locale) => {
        const records = recordsOf(overviewToCsv(rows, locale), locale).slice(1);
        rows.forEach(({ tenant }, i) => expect(records[i]!.slice(0, 3)).toEqual([tenant.id, tenant.name, tenant.source].map(neutralised)));
      }),
    );
  });
});
