// @vitest-environment node
/**
 * Property-based: whatever the host writes in a month's currency and period days, the months'
 * CSV reads back strictly in each locale's dialect, one record per month, and no cell of host
 * text starts a formula however a spreadsheet splits it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { MONTHS_CSV_HEADER, monthsToCsv } from '@/lib/billing/months-csv';
import { expectSafeCsv, hostText, localeArb } from '@/lib/billing/csv.support';
import type { Usage } from '@/lib/billing/model';
import { usage } from '@/tests/support/usage';

const NUMERIC = MONTHS_CSV_HEADER.filter((name) => !['mes', 'inicio', 'fim', 'moeda'].includes(name));
const cents = fc.integer({ min: -1_000_000, max: 1_000_000 });
const count = fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e9, noNaN: true }));

const monthArb: fc.Arbitrary<Usage> = fc
  .record({
    month: fc.integer({ min: 0, max: 400 }),
    currency: fc.oneof(fc.constantFrom('BRL', 'USD'), hostText),
    start: fc.option(hostText),
    end: fc.option(hostText),
    costs: fc.tuple(cents, cents, cents, cents, cents),
    counts: fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), count, count),
  })
  .map(({ month, currency, start, end, costs: [total, api, llm, storage, compute], counts: [apiCalls, tokensTotal, tokensIn, tokensOut, storageMb, computeMinutes] }) => {
    const money = (value: number) => ({ cents: value, currency });
    return usage({
      // Distinct months, so every one is written.
      month: `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`,
      periodStart: start,
      periodEnd: end,
      total: money(total),
      split: { api: money(api), llm: money(llm), storage: money(storage), compute: money(compute) },
      metrics: { apiCalls, tokensTotal, tokensIn, tokensOut, storageMb, computeMinutes },
    });
  });

describe('monthsToCsv (properties)', () => {
  it('is well formed in each dialect, and safe however a spreadsheet splits it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(monthArb, { selector: (u) => u.month, maxLength: 8 }), localeArb, (months, locale) =>
        expectSafeCsv(monthsToCsv(months, locale), locale, MONTHS_CSV_HEADER, months.length, NUMERIC),
      ),
    );
  });
});
