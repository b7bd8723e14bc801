/**
 * What the CSV files' property tests share (lib/billing/*-csv.property.test.ts): host text rich
 * in what CSV and spreadsheets care about, each locale's dialect, and the checks every file
 * must pass however a spreadsheet splits it.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { parseCsv, spreadsheetCells } from '@/lib/billing/invoice-csv.support';

export const BOM = '\uFEFF';
/** What a spreadsheet may read as the start of a formula (OWASP: = + - @, TAB, CR). */
export const FORMULA_START = /^[=+\-@\t\r]/;
/** The separator and decimal mark each locale's spreadsheet reads. */
export const DIALECTS = { 'pt-BR': { separator: ';', decimal: ',' }, en: { separator: ',', decimal: '.' } } as const;
export type DialectLocale = keyof typeof DIALECTS;
export const localeArb = fc.constantFrom<DialectLocale>('pt-BR', 'en');
/** What a spreadsheet may split on. */
export const SEPARATORS = [',', ';', '\t'];

/** Text with a high share of what CSV and spreadsheets care about. */
export const hostText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(',', ';', '"', '\r', '\n', '\t', '=', '+', '-', '@', "'", ' ', 'a', '1', 'é') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('=HYPERLINK("http://x","y")', 'x;=1+1', 'a,-2', 'b\t@SUM(A1)', '"=1"', '\r\n=1', '"', '""', ',', ';', ''),
);

/** The text as written: an apostrophe before each formula start at the start or after , ; TAB CR LF ". */
export function neutralised(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const startsCell = i === 0 || ',;\t\r\n"'.includes(text[i - 1]!);
    if (startsCell && '=+-@\t\r'.includes(text[i]!)) out += "'";
    out += text[i];
  }
  return out;
}

/** The file without its BOM, which must be there. */
export function bodyOf(csv: string): string {
  expect(csv.startsWith(BOM)).toBe(true);
  return csv.slice(BOM.length);
}

/** The records of a file for `locale` (header first), read strictly. */
export function recordsOf(csv: string, locale: DialectLocale): string[][] {
  return parseCsv(bodyOf(csv), DIALECTS[locale].separator);
}

/**
 * The file is well formed for its locale, with `header` and `count` records of its width; no
 * field outside `numeric` (columns of numbers built from digits) starts like a formula; and a
 * spreadsheet splitting on any other separator gets no cell that does.
 */
export function expectSafeCsv(csv: string, locale: DialectLocale, header: readonly string[], count: number, numeric: readonly string[]): void {
  const records = recordsOf(csv, locale);
  expect(records[0]).toEqual([...header]);
  expect(records.length).toBe(count + 1);
  const exempt = new Set(numeric.map((name) => header.indexOf(name)));
  for (const record of records.slice(1)) {
    expect(record.length).toBe(header.length);
    record.forEach((field, column) => {
      if (!exempt.has(column)) expect(field).not.toMatch(FORMULA_START);
    });
  }
  const body = bodyOf(csv);
  // Such a reader may take a field's closing quote for an opening one, so a cell can begin with
  // the record's own CRLF; what follows that line break is never a formula start either.
  for (const separator of SEPARATORS.filter((s) => s !== DIALECTS[locale].separator)) {
    for (const cell of spreadsheetCells(body, separator)) expect(cell.replace(/^(\r\n)+/, '')).not.toMatch(FORMULA_START);
  }
}
