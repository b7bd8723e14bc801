// @vitest-environment node
/**
 * Property-based: whatever text the host puts in an invoice, `invoicesToCsv` writes, for a pt-BR
 * and an English spreadsheet, a file that an RFC 4180 reader with that locale's separator splits
 * back into the same rows and fields; and however a spreadsheet splits it (",", ";" or tabs), no
 * cell of host text can start a formula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, invoicesToCsv } from '@/lib/billing/invoice-csv';
import { centsToDecimal } from '@/lib/billing/csv';
import { parseCsv, spreadsheetCells } from '@/lib/billing/invoice-csv.support';
import { DIALECTS, FORMULA_START, SEPARATORS, bodyOf, hostText, localeArb, neutralised } from '@/lib/billing/csv.support';
import type { Invoice, InvoiceStatus } from '@/lib/billing/model';

const AMOUNT_COLUMN = CSV_HEADER.indexOf('valor');
const hostDate: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  hostText,
  fc
    .tuple(
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom('', 'T12:03:16.032560', ' 09:00', 'Z', 'x', 'T', ';=1'),
      fc.constantFrom('', ' ', '=', '-'),
    )
    .map(([d, tail, lead]) => lead + d.toISOString().slice(0, 10) + tail),
);
const STATUSES: InvoiceStatus[] = ['paid', 'pending', 'overdue', 'draft', 'void', 'other'];

const invoiceArb: fc.Arbitrary<Invoice> = fc.record({
  id: hostText,
  number: hostText,
  period: hostText,
  total: fc.record({
    cents: fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1_000_000, max: 1_000_000 })),
    currency: fc.oneof(fc.constantFrom('BRL', 'USD'), hostText),
  }),
  status: fc.constantFrom(...STATUSES),
  rawStatus: hostText,
  dueDate: hostDate,
  paidAt: hostDate,
});
const invoicesArb = fc.array(invoiceArb, { maxLength: 12 });

/** `YYYY-MM-DD` when the trimmed text starts with a full date (then end, T or space); else the text. */
function expectedDate(value: string | null): string {
  if (value === null) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  return m ? m[1]! : value;
}

describe('invoicesToCsv', () => {
  it("parses back with the locale's separator to the header plus one record per invoice, eight fields each", () => {
    fc.assert(
      fc.property(invoicesArb, localeArb, (invoices, locale) => {
        const rows = parseCsv(bodyOf(invoicesToCsv(invoices, locale)), DIALECTS[locale].separator);
        expect(rows.length).toBe(invoices.length + 1);
        expect(rows[0]).toEqual([...CSV_HEADER]);
        for (const row of rows) expect(row.length).toBe(CSV_HEADER.length);
      }),
    );
  });

  it('no field but the amount starts like a formula', () => {
    fc.assert(
      fc.property(invoicesArb, localeArb, (invoices, locale) => {
        for (const row of parseCsv(bodyOf(invoicesToCsv(invoices, locale)), DIALECTS[locale].separator).slice(1)) {
          row.forEach((field, column) => {
            if (column !== AMOUNT_COLUMN) expect(field).not.toMatch(FORMULA_START);
          });
        }
      }),
    );
  });

  /**
   * Such a reader may take a field's closing quote for an opening one, so a cell can begin with
   * the record's own CRLF; what follows that line break is never a formula start either.
   */
  it("a spreadsheet that splits on another separator than the file's gets no cell starting like a formula", () => {
    fc.assert(
      fc.property(invoicesArb, localeArb, (invoices, locale) => {
        const body = bodyOf(invoicesToCsv(invoices, locale));
        for (const separator of SEPARATORS.filter((s) => s !== DIALECTS[locale].separator)) {
          for (const cell of spreadsheetCells(body, separator)) expect(cell.replace(/^(\r\n)+/, '')).not.toMatch(FORMULA_START);
        }
      }),
    );
  });

  it('a spreadsheet on the file\'s own separator reads the same cells as the strict reader', () => {
    fc.assert(
      fc.property(invoicesArb, localeArb, (invoices, locale) => {
        const body = bodyOf(invoicesToCsv(invoices, locale));
        const { separator } = DIALECTS[locale];
        expect(spreadsheetCells(body, separator)).toEqual([...parseCsv(body, separator).flat(), '']);
      }),
    );
  });

  it('every field reads back as the host text (apostrophe-neutralised) or the exact amount', () => {
    fc.assert(
      fc.property(invoicesArb, localeArb, (invoices, locale) => {
        const { separator, decimal } = DIALECTS[locale];
        const rows = parseCsv(bodyOf(invoicesToCsv(invoices, locale)), separator).slice(1);
        invoices.forEach((inv, i) => {
          expect(rows[i]).toEqual([
            neutralised(inv.number),
            neutralised(inv.period),
            centsToDecimal(inv.total.cents, decimal),
            neutralised(inv.total.currency),
            neutralised(inv.status),
            neutralised(inv.rawStatus),
            neutralised(expectedDate(inv.dueDate)),
            neutralised(expectedDate(inv.paidAt)),
          ]);
        });
      }),
    );
  });

  it("the amount is digits, the locale's decimal mark and two decimals, equal to the cents exactly", () => {
    fc.assert(
      fc.property(invoicesArb, localeArb, (invoices, locale) => {
        const { separator, decimal } = DIALECTS[locale];
        const rows = parseCsv(bodyOf(invoicesToCsv(invoices, locale)), separator).slice(1);
        invoices.forEach((inv, i) => {
          const field = rows[i]![AMOUNT_COLUMN]!;
          expect(field).toMatch(decimal === ',' ? /^-?\d+,\d{2}$/ : /^-?\d+\.\d{2}$/);
          expect(BigInt(field.replace(decimal, ''))).toBe(BigInt(inv.total.cents));
        });
      }),
    );
  });
});
