/**
 * The tenants' overview as a CSV file: one record per tenant, in the order shown. Same rules as
 * every CSV we write (lib/billing/csv.ts: the locale's separator and decimal mark, BOM, CRLF,
 * quoting, formula neutralising).
 *
 * Columns: `tenant_id`, `tenant` (its name), `evidencia` (host, token or chosen: why it is
 * listed), `mes` (YYYY-MM, empty for a rolling period), `custo` and `moeda`, `chamadas_api`,
 * `tokens_llm`, `cota_mais_usada` (api, llm, storage, compute) and `cota_pct`, `variacao_pct`
 * and `variacao_valor` (against last month; 0 when the same, empty where there is nothing to
 * compare or last month cost nothing), `orcamento_pct` (budget used), `simulado` and
 * `desatualizado` (true/false), `estado` (ok, loading, or the failure's kind: noAccess, timeout,
 * server, …; a tenant without figures has only its name, evidence and state).
 *
 * Several dashboards (groupedOverviewToCsv): one file for all, each group's records in turn,
 * each starting with `painel` (the dashboard's name) and `painel_endereco` (its address), both
 * written as text (a name is the person's own words: neutralised like any).
 */
import type { MonthChange } from '@/lib/billing/month-change';
import type { OverviewRow, TenantFigures } from '@/lib/billing/tenant-overview';
import { centsToDecimal, csvDialect, csvDocument, csvNumber, csvText, datedCsvName, quoteField, type CsvDialect } from '@/lib/billing/csv';

export const OVERVIEW_CSV_HEADER = [
  'tenant_id',
  'tenant',
  'evidencia',
  'mes',
  'custo',
  'moeda',
  'chamadas_api',
  'tokens_llm',
  'cota_mais_usada',
  'cota_pct',
  'variacao_pct',
  'variacao_valor',
  'orcamento_pct',
  'simulado',
  'desatualizado',
  'estado',
] as const;

function changeCells(change: MonthChange | null | undefined, decimal: CsvDialect['decimal']): [string, string] {
  if (!change || change.kind === 'noUsageLastMonth') return ['', ''];
  if (change.kind === 'same') return ['0', centsToDecimal(0, decimal)];
  return [csvNumber(change.percent, decimal), centsToDecimal(change.delta.cents, decimal)];
}

function figureCells(f: TenantFigures, decimal: CsvDialect['decimal']): string[] {
  return [
    csvText(f.month ?? ''),
    centsToDecimal(f.cost.cents, decimal),
    csvText(f.cost.currency),
    csvNumber(f.apiCalls, decimal),
    csvNumber(f.llmTokens, decimal),
    f.mostUsedQuota?.key ?? '',
    csvNumber(f.mostUsedQuota?.percent ?? null, decimal),
    ...changeCells(f.change, decimal),
    csvNumber(f.budgetPercent, decimal),
    String(f.simulated),
    String(f.stale),
  ].map(quoteField);
}

const BLANK = Array<string>(OVERVIEW_CSV_HEADER.length - 4).fill('');

function tenantRecord({ tenant, state }: OverviewRow, decimal: CsvDialect['decimal']): string[] {
  return [
    csvText(tenant.id),
    csvText(tenant.name),
    csvText(tenant.source),
    ...(state.kind === 'ready' ? figureCells(state.figures, decimal) : BLANK),
    csvText(state.kind === 'ready' ? 'ok' : state.kind === 'loading' ? 'loading' : state.error.kind),
  ];
}

/** The overview's rows as CSV for `locale`'s spreadsheets; English's when none is given. */
export function overviewToCsv(rows: readonly OverviewRow[], locale = 'en'): string {
  const { separator, decimal } = csvDialect(locale);
  return csvDocument(OVERVIEW_CSV_HEADER, rows.map((row) => tenantRecord(row, decimal)), separator);
}

export const GROUPED_OVERVIEW_CSV_HEADER = ['painel', 'painel_endereco', ...OVERVIEW_CSV_HEADER] as const;

/** One dashboard's rows, in the order shown, with the name it is shown by. */
export interface OverviewCsvGroup {
  dashboard: { name: string; origin: string };
  rows: readonly OverviewRow[];
}

/** Several dashboards' rows in one file, group after group, each record naming its dashboard. */
export function groupedOverviewToCsv(groups: readonly OverviewCsvGroup[], locale = 'en'): string {
  const { separator, decimal } = csvDialect(locale);
  const records = groups.flatMap(({ dashboard, rows }) =>
    rows.map((row) => [csvText(dashboard.name), csvText(dashboard.origin), ...tenantRecord(row, decimal)]),
  );
  return csvDocument(GROUPED_OVERVIEW_CSV_HEADER, records, separator);
}

/** `tenants-<YYYY-MM-DD>.csv`, the date in the person's local calendar. */
export const overviewCsvName = (now: Date): string => datedCsvName('tenants', null, now);
