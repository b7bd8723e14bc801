/**
 * Invoices as a CSV file for spreadsheets. Pure; the full page turns the text into a download.
 * Separator, decimal mark, BOM, quoting and formula neutralising: lib/billing/csv.ts, shared
 * with the other CSV files.
 *
 * Format (decided here, tested in lib/billing/invoice-csv.test.ts):
 * - The ASCII header `numero,periodo,valor,moeda,status,status_original,vencimento,pago_em`
 *   (with the locale's separator), then one record per invoice, in the order given.
 * - `numero`: the host's invoice number. `periodo`: the host's period text as given
 *   ("2026-10", "November 2026"). `valor`: the amount built from integer cents, two decimals,
 *   no grouping ("1234.50", "-0,05"). `moeda`: ISO 4217 code. `status`: the model's status word
 *   (paid, pending, overdue, draft, void, other). `status_original`: the host's own status text.
 *   `vencimento` / `pago_em`: the calendar date `YYYY-MM-DD` when the host's value starts with
 *   one, else the host's text; empty when absent.
 * - Every field but `valor` is host text, neutralised against formulas.
 */
import type { Invoice } from '@/lib/billing/model';
import { centsToDecimal, csvDay, csvDialect, csvDocument, csvText, datedCsvName, quoteField } from '@/lib/billing/csv';

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

/** The CSV file for `locale`'s spreadsheets (lib/billing/csv.ts `csvDialect`); English's when none is given. */
export function invoicesToCsv(invoices: readonly Invoice[], locale = 'en'): string {
  const { separator, decimal } = csvDialect(locale);
  const rows = invoices.map((inv) => [
    csvText(inv.number),
    csvText(inv.period),
    quoteField(centsToDecimal(inv.total.cents, decimal)),
    csvText(inv.total.currency),
    csvText(inv.status),
    csvText(inv.rawStatus),
    csvText(csvDay(inv.dueDate)),
    csvText(csvDay(inv.paidAt)),
  ]);
  return csvDocument(CSV_HEADER, rows, separator);
}

/** `faturas-<tenant>-<YYYY-MM-DD>.csv`, the date in the person's local calendar. */
export function csvFileName(tenantId: string, now: Date): string {
  return datedCsvName('faturas', tenantId, now);
}
