/**
 * Invoices as a CSV file for spreadsheets. Pure; the full page turns the text into a download.
 *
 * Format (decided here, tested in lib/billing/invoice-csv.test.ts):
 * - A UTF-8 byte order mark ("\uFEFF") first, so Excel reads accents; then the ASCII header
 *   `numero,periodo,valor,moeda,status,status_original,vencimento,pago_em`.
 * - One record per invoice, in the order given; every record (the header too) ends in CRLF.
 * - `numero`: the host's invoice number. `periodo`: the host's period text as given
 *   ("2026-10", "November 2026"). `valor`: the amount built from integer cents, a dot and two
 *   decimals, no grouping ("1234.50", "-0.05"). `moeda`: ISO 4217 code. `status`: the model's
 *   status word (paid, pending, overdue, draft, void, other). `status_original`: the host's own
 *   status text. `vencimento` / `pago_em`: the calendar date `YYYY-MM-DD` when the host's value
 *   starts with one, else the host's text; empty when absent.
 * - RFC 4180 quoting: a field holding a comma, a double quote, CR or LF is wrapped in double
 *   quotes, inner quotes doubled.
 * - Formula injection: a host-provided text field starting with = + - @ TAB, CR or LF gets a
 *   leading apostrophe, so spreadsheets show it as text and never evaluate it. `valor` is built
 *   here from digits only (a negative amount is a plain number), so it is exempt.
 */
import type { Invoice, Money } from '@/lib/billing/model';

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

/** "12345" cents → "123.45"; integer arithmetic only. Non-finite amounts → "". */
export function centsToDecimal(cents: number): string {
  if (!Number.isFinite(cents)) return '';
  const whole = Math.round(cents);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const units = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${units}.${String(rest).padStart(2, '0')}`;
}

/** A text field a spreadsheet could take for a formula gets a leading apostrophe. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, a quote, CR or LF; double inner quotes. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A host date as `YYYY-MM-DD` when it starts with one; else its text; "" when absent. */
function csvDate(value: string | null): string {
  if (value === null) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  return m ? m[1]! : value;
}

function amount(m: Money): string {
  return centsToDecimal(m.cents);
}

function text(value: string): string {
  return quoteField(neutralizeFormula(value));
}

export function invoicesToCsv(invoices: readonly Invoice[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const inv of invoices) {
    lines.push(
      [
        text(inv.number),
        text(inv.period),
        quoteField(amount(inv.total)),
        text(inv.total.currency),
        text(inv.status),
        text(inv.rawStatus),
        text(csvDate(inv.dueDate)),
        text(csvDate(inv.paidAt)),
      ].join(','),
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
