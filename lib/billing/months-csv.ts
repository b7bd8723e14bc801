/**
 * The months the full page shows, as a CSV file: usage and cost per resource, one record per
 * month, oldest first. Same rules as every CSV we write (lib/billing/csv.ts).
 *
 * Columns: `mes` (YYYY-MM; empty for the panel's rolling period), `inicio` / `fim` (the period's
 * first and last day as the host names them, YYYY-MM-DD where it gives one), `moeda`,
 * `custo_total`, `custo_api`, `custo_llm`, `custo_armazenamento`, `custo_computacao` (two
 * decimals, from integer cents), `chamadas_api`, `tokens_total`, `tokens_entrada`,
 * `tokens_saida`, `armazenamento_mb`, `computacao_min` (whole numbers as digits, others with two
 * decimals).
 */
import type { Usage } from '@/lib/billing/model';
import { centsToDecimal, csvDay, csvDialect, csvDocument, csvNumber, csvText, datedCsvName, quoteField } from '@/lib/billing/csv';

export const MONTHS_CSV_HEADER = [
  'mes',
  'inicio',
  'fim',
  'moeda',
  'custo_total',
  'custo_api',
  'custo_llm',
  'custo_armazenamento',
  'custo_computacao',
  'chamadas_api',
  'tokens_total',
  'tokens_entrada',
  'tokens_saida',
  'armazenamento_mb',
  'computacao_min',
] as const;

/** Oldest first; a month given twice is written once. */
export function monthsToCsv(months: readonly Usage[], locale = 'en'): string {
  const { separator, decimal } = csvDialect(locale);
  const seen = new Set<string>();
  const unique = months.filter((usage) => {
    const key = usage.month ?? `${usage.periodStart}/${usage.periodEnd}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = [...unique].sort((a, b) => (a.month ?? '').localeCompare(b.month ?? ''));
  const records = sorted.map((usage) => {
    const { total, split, metrics } = usage;
    return [
      csvText(usage.month ?? ''),
      csvText(csvDay(usage.periodStart)),
      csvText(csvDay(usage.periodEnd)),
      csvText(total.currency),
      ...[total, split.api, split.llm, split.storage, split.compute].map((money) => quoteField(centsToDecimal(money.cents, decimal))),
      ...[metrics.apiCalls, metrics.tokensTotal, metrics.tokensIn, metrics.tokensOut, metrics.storageMb, metrics.computeMinutes].map((n) =>
        quoteField(csvNumber(n, decimal)),
      ),
    ];
  });
  return csvDocument(MONTHS_CSV_HEADER, records, separator);
}

/** `meses-<tenant>-<YYYY-MM-DD>.csv`, the date in the person's local calendar. */
export const monthsCsvName = (tenantId: string, now: Date): string => datedCsvName('meses', tenantId, now);
