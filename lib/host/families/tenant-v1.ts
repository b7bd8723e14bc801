/**
 * B. Tenant v1, `/api/v1/billing/*` (docs/host.md §4B): the tenant comes from the token's claim first,
 * then X-Tenant-ID; on today's host every call answers 401 "Tenant nao identificado" (its tenant
 * dependency is not wired). Real figures. Bodies name their tenant: an answer about another
 * tenant than the one asked for is not this tenant's bill. Quotas come from `limits`; other months
 * from `usage-breakdown?month`.
 */
import { z } from 'zod/mini';
import type { Invoice, InvoiceList, Usage } from '@/lib/billing/model';
import { currencyOrDefault } from '@/lib/host/currency';
import { readInvoiceRows, statusFields } from '@/lib/host/invoices';
import { clip, hostText, hostTextOrNull, parseWith, type Read } from '@/lib/host/result';
import { cents, maybeText, signedCents } from '@/lib/host/schemas';
import { INVOICE_LIMIT, readFor, readMonth, type HostFamily, type Named } from '@/lib/host/families/family';
import { breakdownUsage, limitQuotas, V1BreakdownSchema, V1CostsSchema, V1LimitsSchema, V1MetricsSchema, v1Usage } from '@/lib/host/families/v1-usage';

const TenantV1UsageSchema = z.object({
  tenant_id: z.string(),
  period: z.string(),
  metrics: V1MetricsSchema,
  costs: V1CostsSchema,
  limits: z.optional(V1LimitsSchema),
});

/** `usage-breakdown?month`: a month's figures as its breakdown gives them. */
const TenantV1BreakdownSchema = z.object({
  tenant_id: z.string(),
  month: z.string(),
  breakdown: V1BreakdownSchema,
  total_cost_cents: cents,
});

/** No 200 sample exists: written from docs/host.md §4B. */
const TenantV1InvoiceSchema = z.object({
  invoice_id: z.string(),
  invoice_number: maybeText,
  tenant_id: maybeText,
  period: maybeText,
  status: maybeText,
  total_cents: signedCents,
  currency: maybeText,
  due_date: maybeText,
  paid_at: maybeText,
});

/** `GET /api/v1/billing/current-usage`, with the tenant the body names. */
export function normalizeTenantV1Usage(json: unknown): Read<Named<Usage>> {
  return parseWith('usage', TenantV1UsageSchema, json, (body) => ({
    value: v1Usage(body.period, body.metrics, body.costs, limitQuotas(body.metrics, body.limits)),
    tenants: [clip(body.tenant_id)],
  }));
}

/** `GET /api/v1/billing/usage-breakdown?month=YYYY-MM`, with the tenant the body names. */
export function normalizeTenantV1Breakdown(json: unknown): Read<Named<Usage>> {
  return parseWith('usage', TenantV1BreakdownSchema, json, (body) => ({
    value: breakdownUsage(body.month, body.breakdown, body.total_cost_cents),
    tenants: [clip(body.tenant_id)],
  }));
}

/** `GET /api/v1/billing/invoices`: integer cents in `total_cents`; each row names its tenant. */
export function normalizeTenantV1Invoices(json: unknown): Read<Named<InvoiceList>> {
  const tenants: string[] = [];
  const list = readInvoiceRows(json, TenantV1InvoiceSchema, (inv): Invoice => {
    if (inv.tenant_id) tenants.push(clip(inv.tenant_id));
    return {
      id: clip(inv.invoice_id),
      number: hostText(inv.invoice_number ?? inv.invoice_id),
      period: hostText(inv.period ?? ''),
      total: { cents: inv.total_cents, currency: currencyOrDefault(inv.currency) },
      ...statusFields(inv.status),
      dueDate: hostTextOrNull(inv.due_date),
      paidAt: hostTextOrNull(inv.paid_at),
    };
  });
  return list.ok ? { ok: true, value: { value: list.value, tenants } } : list;
}

/** The tenant goes in this header, never in the path; the host prefers the token's claim. */
const tenantHeaders = (tenantId: string) => ({ 'X-Tenant-ID': tenantId });

export const tenantV1: HostFamily = {
  id: 'tenantV1',
  simulated: false,
  parts(origin, tenantId) {
    const headers = tenantHeaders(tenantId);
    return {
      usage: {
        endpoint: { url: `${origin}/api/v1/billing/current-usage?period_type=monthly`, headers },
        read: readFor(tenantId, normalizeTenantV1Usage),
      },
      invoices: {
        endpoint: { url: `${origin}/api/v1/billing/invoices?page=1&limit=${INVOICE_LIMIT}`, headers },
        read: readFor(tenantId, normalizeTenantV1Invoices),
      },
      projections: null,
      timeline: null,
    };
  },
  monthUsage(origin, tenantId, month) {
    return {
      endpoint: { url: `${origin}/api/v1/billing/usage-breakdown?month=${month}`, headers: tenantHeaders(tenantId) },
      read: readMonth(month, readFor(tenantId, normalizeTenantV1Breakdown)),
    };
  },
};
