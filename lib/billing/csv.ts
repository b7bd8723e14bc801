/**
 * The rules every CSV file we write follows (the invoices, the months shown, the tenants'
 * overview), in one place so the files agree. Pure; the pages turn the text into a download.
 *
 * - The separator and decimal mark follow the person's locale, because Excel and LibreOffice
 *   open a CSV with the system's list separator: where numbers take a decimal comma (pt-BR) that
 *   is ";" and amounts are written "1234,50"; elsewhere (English) "," and "1234.50". Google
 *   Sheets detects either. One file for both cannot exist: a `sep=` line would cost the BOM
 *   (Excel then misreads accents), and a pt-BR sheet does not read "1234.50" as 1234,50.
 * - A UTF-8 byte order mark ("\uFEFF") first, so Excel reads accents; then an ASCII header.
 *   Every record (the header too) ends in CRLF.
 * - Quoting (RFC 4180, whichever separator): a field holding `,` `;` TAB, a double quote, CR or
 *   LF is wrapped in double quotes, inner quotes doubled.
 * - Formula injection: in a text field (anything the host or the person wrote), an apostrophe
 *   goes before = + - @ TAB or CR at its start and right after any `,` `;` TAB CR LF or `"`
 *   inside it: a spreadsheet that splits on the other separator (or on tabs, or honours a quote
 *   there) starts a cell at those places, and a cell that starts so is shown as text, never
 *   evaluated. Numbers are built here from digits only (a negative one is a plain number), so
 *   they are exempt.
 */

const BOM = '\uFEFF';
const CRLF = '\r\n';

export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}

/** The dialect a spreadsheet in `locale` reads: ";" and "1234,50" where the decimal mark is a comma. */
export function csvDialect(locale: string): CsvDialect {
  let decimal: string | undefined;
  try {
    decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  } catch {
    decimal = undefined;
  }
  return decimal === ',' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

/** "12345" cents → "123.45" (or "123,45"); integer arithmetic only. Non-finite amounts → "". */
export function centsToDecimal(cents: number, decimal: CsvDialect['decimal'] = '.'): string {
  if (!Number.isFinite(cents)) return '';
  const whole = Math.round(cents);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const units = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${units}${decimal}${String(rest).padStart(2, '0')}`;
}

/**
 * A count or share as a plain number: whole numbers as digits ("1050"), others to two decimals
 * ("12,50"). Never an exponent; "" where there is none (null, NaN, ±Infinity, beyond 2^53).
 */
export function csvNumber(value: number | null, decimal: CsvDialect['decimal'] = '.'): string {
  if (value === null || !Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return Number.isSafeInteger(value) ? value.toFixed(0) : '';
  const hundredths = Math.round(value * 100);
  return Number.isSafeInteger(hundredths) ? centsToDecimal(hundredths, decimal) : '';
}

/** A host date as `YYYY-MM-DD` when it starts with one; else its text; "" when absent. */
export function csvDay(value: string | null): string {
  if (value === null) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  return m ? m[1]! : value;
}

/** Apostrophe before a formula start at the field's start or where another reader may start a cell. */
export function neutralizeFormula(text: string): string {
  return text.replace(/(?<=^|[,;\t\r\n"])(?=[=+\-@\t\r])/g, "'");
}

/** Quote a field holding either separator, TAB, a quote, CR or LF; double inner quotes. */
export function quoteField(text: string): string {
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A text field: neutralised, then quoted where needed. */
export function csvText(value: string): string {
  return quoteField(neutralizeFormula(value));
}

/**
 * The file: BOM, header, one record per row, each ending in CRLF. Cells are written already
 * (csvText for text, quoteField for numbers built here).
 */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[], separator: CsvDialect['separator']): string {
  return BOM + [header, ...rows].map((cells) => cells.join(separator) + CRLF).join('');
}

/**
 * `<kind>-<subject>-<YYYY-MM-DD>.csv` (`<kind>-<YYYY-MM-DD>.csv` without a subject), the date
 * in the person's local calendar; anything but letters, digits, _ and - in the subject becomes _.
 */
export function datedCsvName(kind: string, subject: string | null, now: Date): string {
  const safe = subject === null ? '' : `${subject.replace(/[^A-Za-z0-9_-]/g, '_') || 'tenant'}-`;
  const y = String(now.getFullYear()).padStart(4, '0');
  const mo = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${kind}-${safe}${y}-${mo}-${d}.csv`;
}
