/**
 * C. Admin v1, `/api/v1/admin/billing/*` (docs/host.md §4C): the family that works on today's host,
 * for role ADMIN only (SUPER_ADMIN gets 403). Real figures; no invoice list, projections or
 * timeline exist for admins (its invoice actions are POSTs the extension never calls).
 */
import { z } from 'zod/mini';
import { monthOf } from '../../api/endpoints';
import type { Usage } from '../../model';
import { clip, parseWith, type Result } from '../result';
import { readFor, type HostFamily, type Named } from './family';
import { V1CostsSchema, V1MetricsSchema, v1Usage } from './v1-usage';

const AdminV1UsageSchema = z.object({
  tenant_id: z.string(),
  month: z.string(),
  summary: z.object({ metrics: V1MetricsSchema, costs: V1CostsSchema }),
});

/** `GET /api/v1/admin/billing/usage/{tenant_id}?month=YYYY-MM`, with the tenant the body names. */
export function normalizeAdminV1Usage(json: unknown): Result<Named<Usage>> {
  return parseWith('usage', AdminV1UsageSchema, json, (body) => ({
    value: v1Usage(body.month, body.summary.metrics, body.summary.costs),
    tenants: [clip(body.tenant_id)],
  }));
}

export const adminV1: HostFamily = {
  id: 'adminV1',
  simulated: false,
  parts(origin, tenantId, now) {
    const url = `${origin}/api/v1/admin/billing/usage/${encodeURIComponent(tenantId)}?month=${monthOf(now)}`;
    return {
      usage: { endpoint: { url }, read: readFor(tenantId, normalizeAdminV1Usage) },
      invoices: null,
      projections: null,
      timeline: null,
    };
  },
};
