/** API calls by endpoint as the full page lists them: the most called, then the rest as one row. */
import type { EndpointCalls } from '@/lib/billing/model';

export const TOP_ENDPOINTS = 5;

/** The top `TOP_ENDPOINTS` (the list comes most called first) and what the others add up to. */
export function topEndpoints(calls: readonly EndpointCalls[]): { top: EndpointCalls[]; others: number | null } {
  const top = calls.slice(0, TOP_ENDPOINTS);
  const rest = calls.slice(TOP_ENDPOINTS);
  return { top, others: rest.length ? rest.reduce((sum, row) => sum + row.calls, 0) : null };
}
