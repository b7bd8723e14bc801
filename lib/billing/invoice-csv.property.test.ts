// @vitest-environment node
/**
 * Property-based: whatever text the host puts in an invoice, `invoicesToCsv` writes a file that
 * an RFC 4180 reader splits back into the same rows and fields, and no text field can start a
 * spreadsheet formula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, centsToDecimal, invoicesToCsv } from '@/lib/billing/invoice-csv';
import type { Invoice, InvoiceStatus } from '@/lib/billing/model';

const BOM = '\uFEFF';
const AMOUNT_COLUMN = CSV_HEADER.indexOf('valor');
/** What a spreadsheet may read as the start of a formula (= + - @, TAB, CR, LF). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * A strict RFC 4180 reader: records end in CRLF (the last one too); a field is either quoted
 * (inner quotes doubled, may hold , " CR LF) or bare (holds none of them). Throws on anything else.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= n) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i += 1;
            break;
          }
        } else {
          field += text[i];
          i += 1;
        }
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i += 1;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      throw new Error(`expected , or CRLF at ${i}`);
    }
  }
  if (row.length > 0) throw new Error('last record does not end in CRLF');
  return rows;
}

/** Text with a high share of what CSV and spreadsheets care about. */
const hostText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', '\t', '=', '+', '-', '@', "'", ' ', 'a', '1', 'é') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(A1)', '\t=1', '\r\n=1', '"', '""', ',', ''),
);
const hostDate: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  hostText,
  fc
    .tuple(
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom('', 'T12:03:16.032560', ' 09:00', 'Z', 'x', 'T'),
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

function rowsOf(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  return parseCsv(csv.slice(BOM.length));
}

/** `YYYY-MM-DD` when the trimmed text starts with a full date (then end, T or space); else the text. */
function expectedDate(value: string | null): string {
  if (value === null) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  return m ? m[1]! : value;
}

/** The text as written: with an apostrophe in front exactly when it could start a formula. */
function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

describe('invoicesToCsv', () => {
  it('parses back to one header plus one record per invoice, eight fields each', () => {
    fc.assert(
      fc.property(invoicesArb, (invoices) => {
        const rows = rowsOf(invoicesToCsv(invoices));
        expect(rows.length).toBe(invoices.length + 1);
        expect(rows[0]).toEqual([...CSV_HEADER]);
        for (const row of rows) expect(row.length).toBe(CSV_HEADER.length);
      }),
    );
  });

  it('no field but the amount starts like a formula', () => {
    fc.assert(
      fc.property(invoicesArb, (invoices) => {
        for (const row of rowsOf(invoicesToCsv(invoices)).slice(1)) {
          row.forEach((field, column) => {
            if (column !== AMOUNT_COLUMN) expect(field).not.toMatch(FORMULA_START);
          });
        }
      }),
    );
  });

  it('every field reads back as the host text (apostrophe-neutralised) or the exact amount', () => {
    fc.assert(
      fc.property(invoicesArb, (invoices) => {
        const rows = rowsOf(invoicesToCsv(invoices)).slice(1);
        invoices.forEach((inv, i) => {
          expect(rows[i]).toEqual([
            neutralised(inv.number),
            neutralised(inv.period),
            centsToDecimal(inv.total.cents),
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

  it('the amount is digits, a dot and two decimals, equal to the cents exactly', () => {
    fc.assert(
      fc.property(invoicesArb, (invoices) => {
        const rows = rowsOf(invoicesToCsv(invoices)).slice(1);
        invoices.forEach((inv, i) => {
          const field = rows[i]![AMOUNT_COLUMN]!;
          expect(field).toMatch(/^-?\d+\.\d{2}$/);
          expect(BigInt(field.replace('.', ''))).toBe(BigInt(inv.total.cents));
        });
      }),
    );
  });
});
