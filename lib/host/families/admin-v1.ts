/**
 * C. Admin v1, `/api/v1/admin/billing/*` (docs/host.md §4C): the family that works on today's
 * host, for role ADMIN only (SUPER_ADMIN gets 403). Real figures for any month (a month without
 * usage is a real aggregate of zeros), with the plan's included quotas in `breakdown`; no invoice
 * list, projections or timeline exist for admins (its invoice actions are POSTs the extension
 * never calls).
 */
import { z } from 'zod/mini';
import type { Usage } from '@/lib/billing/model';
import { monthOf } from '@/lib/billing/month';
import { clip, parseWith, type Read } from '@/lib/host/result';
import { NO_QUOTAS, readFor, readMonth, type HostFamily, type Named, type PartSource } from '@/lib/host/families/family';
import { breakdownQuotas, V1BreakdownSchema, V1CostsSchema, V1MetricsSchema, v1Usage } from '@/lib/host/families/v1-usage';

const AdminV1UsageSchema = z.object({
  tenant_id: z.string(),
  month: z.string(),
  summary: z.object({ metrics: V1MetricsSchema, costs: V1CostsSchema }),
  // Only the quotas come from here: a bill without them is still the bill.
  breakdown: z.optional(z.nullable(V1BreakdownSchema)),
});

/** `GET /api/v1/admin/billing/usage/{tenant_id}?month=YYYY-MM`, with the tenant the body names. */
export function normalizeAdminV1Usage(json: unknown): Read<Named<Usage>> {
  return parseWith('usage', AdminV1UsageSchema, json, (body) => ({
    value: v1Usage(body.month, body.summary.metrics, body.summary.costs, body.breakdown ? breakdownQuotas(body.breakdown) : NO_QUOTAS),
    tenants: [clip(body.tenant_id)],
  }));
}

function monthUsage(origin: string, tenantId: string, month: string): PartSource<Usage> {
  const url = `${origin}/api/v1/admin/billing/usage/${encodeURIComponent(tenantId)}?month=${month}`;
  return { endpoint: { url }, read: readMonth(month, readFor(tenantId, normalizeAdminV1Usage)) };
}

export const adminV1: HostFamily = {
  id: 'adminV1',
  simulated: false,
  parts(origin, tenantId, now) {
    return {
      usage: monthUsage(origin, tenantId, monthOf(now)),
      invoices: null,
      projections: null,
      timeline: null,
    };
  },
  monthUsage,
};
