/** The overview's columns, in order: the key each sorts by, its title, and whether it holds figures (right-aligned). */
import type { OverviewColumn } from '@/lib/billing/tenant-overview';
import type { MessageKey } from '@/lib/i18n';

export const COLUMNS: { key: OverviewColumn; label: MessageKey; numeric: boolean }[] = [
  { key: 'tenant', label: 'overviewColTenant', numeric: false },
  { key: 'source', label: 'overviewColSource', numeric: false },
  { key: 'cost', label: 'overviewColCost', numeric: true },
  { key: 'apiCalls', label: 'metricApiCalls', numeric: true },
  { key: 'llmTokens', label: 'metricTokens', numeric: true },
  { key: 'quota', label: 'popupQuotaMostUsed', numeric: false },
  { key: 'change', label: 'overviewColChange', numeric: false },
  { key: 'budget', label: 'overviewColBudget', numeric: true },
];
