/**
 * Invoices as a CSV file for spreadsheets. Pure; the full page turns the text into a download.
 *
 * Format (decided here, tested in lib/billing/invoice-csv.test.ts):
 * - The separator and decimal mark follow the person's locale, because Excel and LibreOffice
 *   open a CSV with the system's list separator: where numbers take a decimal comma (pt-BR) that
 *   is ";" and amounts are written "1234,50"; elsewhere (English) "," and "1234.50". Google
 *   Sheets detects either. One file for both cannot exist: a `sep=` line would cost the BOM
 *   (Excel then misreads accents), and a pt-BR sheet does not read "1234.50" as 1234,50.
 * - A UTF-8 byte order mark ("\uFEFF") first, so Excel reads accents; then the ASCII header
 *   `numero,periodo,valor,moeda,status,status_original,vencimento,pago_em` (with the separator).
 * - One record per invoice, in the order given; every record (the header too) ends in CRLF.
 * - `numero`: the host's invoice number. `periodo`: the host's period text as given
 *   ("2026-10", "November 2026"). `valor`: the amount built from integer cents, two decimals,
 *   no grouping ("1234.50", "-0,05"). `moeda`: ISO 4217 code. `status`: the model's status word
 *   (paid, pending, overdue, draft, void, other). `status_original`: the host's own status text.
 *   `vencimento` / `pago_em`: the calendar date `YYYY-MM-DD` when the host's value starts with
 *   one, else the host's text; empty when absent.
 * - Quoting (RFC 4180, whichever separator): a field holding `,` `;` TAB, a double quote, CR or
 *   LF is wrapped in double quotes, inner quotes doubled.
 * - Formula injection: in a host-provided text field, an apostrophe goes before = + - @ TAB or
 *   CR at its start and right after any `,` `;` TAB CR LF or `"` inside it: a spreadsheet that
 *   splits on the other separator (or on tabs, or honours a quote there) starts a cell at those
 *   places, and a cell that starts so is shown as text, never evaluated. `valor` is built here
 *   from digits only (a negative amount is a plain number), so it is exempt.
 */
import type { Invoice } from '@/lib/billing/model';

export const CSV_HEADER = [
  'numero',
  'periodo',
  'valor',
  'moeda',
  'status',
  'status_original',
  'vencimento',
  'pago_em',
] as const;

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

/** Apostrophe before a formula start at the field's start or where another reader may start a cell. */
export function neutralizeFormula(text: string): string {
  return text.replace(/(?<=^|[,;\t\r\n"])(?=[=+\-@\t\r])/g, "'");
}

/** Quote a field holding either separator, TAB, a quote, CR or LF; double inner quotes. */
export function quoteField(text: string): string {
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A host date as `YYYY-MM-DD` when it starts with one; else its text; "" when absent. */
function csvDate(value: string | null): string {
  if (value === null) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  return m ? m[1]! : value;
}

function text(value: string): string {
  return quoteField(neutralizeFormula(value));
}

/** The CSV file for `locale`'s spreadsheets (see `csvDialect`); English's when none is given. */
export function invoicesToCsv(invoices: readonly Invoice[], locale = 'en'): string {
  const { separator, decimal } = csvDialect(locale);
  const lines = [CSV_HEADER.join(separator)];
  for (const inv of invoices) {
    lines.push(
      [
        text(inv.number),
        text(inv.period),
        quoteField(centsToDecimal(inv.total.cents, decimal)),
        text(inv.total.currency),
        text(inv.status),
        text(inv.rawStatus),
        text(csvDate(inv.dueDate)),
        text(csvDate(inv.paidAt)),
      ].join(separator),
    );
  }
  return BOM + lines.map((line) => line + CRLF).join('');
}

/** `faturas-<tenant>-<YYYY-MM-DD>.csv`, the date in the person's local calendar. */
export function csvFileName(tenantId: string, now: Date): string {
  const safe = tenantId.replace(/[^A-Za-z0-9_-]/g, '_') || 'tenant';
  const y = String(now.getFullYear()).padStart(4, '0');
  const mo = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `faturas-${safe}-${y}-${mo}-${d}.csv`;
}
