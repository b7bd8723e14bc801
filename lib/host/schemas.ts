/**
 * zod/mini schemas for the host's JSON, written from the recorded samples
 * (tests/fixtures/host) and docs/host.md section 4. They list only the fields the
 * extension reads plus what is needed to recognise each shape; extra keys are allowed and
 * dropped. Loose where the host is loose (nullable dates, optional extras), strict on what we
 * display: amounts and counts are finite and non-negative, counts and cents are safe integers.
 */
import { z } from 'zod/mini';

/** Largest reais amount whose cents still fit in a safe integer. */
const MAX_REAIS = Number.MAX_SAFE_INTEGER / 100;
/** Ceiling for measured quantities (GB, hours, MB, minutes, percentages): finite and sane. */
const MAX_QUANTITY = 1e15;

/** Float reais (panel family). */
export const reais = z.number().check(z.minimum(0), z.maximum(MAX_REAIS));
/** Integer cents (v1 families). */
export const cents = z.int().check(z.minimum(0));
/** Whole counts: calls, tokens, days. */
export const count = z.int().check(z.minimum(0));
/** Non-negative measured quantity (may be fractional). */
export const quantity = z.number().check(z.minimum(0), z.maximum(MAX_QUANTITY));
/** Optional, nullable text (dates, labels the host sometimes leaves out). */
const maybeText = z.optional(z.nullable(z.string()));

// ---------------------------------------------------------------- A. panel /api/billing/*

export const PanelUsageSchema = z.object({
  period: z.string(),
  period_start: maybeText,
  period_end: maybeText,
  api_calls: z.object({ total: count }),
  tokens_used: z.object({ total: count, input_tokens: count, output_tokens: count }),
  storage: z.object({ total_gb: quantity }),
  compute: z.object({ worker_hours: quantity }),
  cost: z.object({ total: reais, api_calls: reais, tokens: reais, storage: reais, compute: reais }),
});

export const PanelInvoiceSchema = z.object({
  invoice_id: z.string(),
  invoice_number: maybeText,
  period: maybeText,
  status: maybeText,
  amount: reais,
  currency: maybeText,
  due_date: maybeText,
  paid_at: maybeText,
});
export const PanelInvoicesSchema = z.object({ invoices: z.array(PanelInvoiceSchema) });

export const PanelProjectionsSchema = z.object({
  current_month: z.object({ spent: reais, projected_total: reais, days_remaining: count }),
  next_month: z.optional(z.nullable(z.object({ projected_total: reais }))),
  budget: z.optional(
    z.nullable(
      z.object({ monthly_limit: reais, current_usage_pct: quantity, alert_threshold: quantity }),
    ),
  ),
});

export const PanelTimelineSchema = z.object({
  timeline: z.array(z.object({ date: z.string(), api_calls: count, tokens: count, cost: reais })),
});

// ------------------------------------------------- B/C. v1 tenant and admin billing (cents)

export const V1MetricsSchema = z.object({
  api_calls: count,
  llm_tokens_input: count,
  llm_tokens_output: count,
  llm_tokens_total: count,
  storage_mb: quantity,
  compute_minutes: quantity,
});
export const V1CostsSchema = z.object({
  api_cents: cents,
  llm_cents: cents,
  storage_cents: cents,
  compute_cents: cents,
  total_cents: cents,
});

/** B: `GET /api/v1/billing/current-usage` (`limits` may be null; not read). */
export const TenantV1UsageSchema = z.object({
  tenant_id: z.string(),
  period: z.string(),
  metrics: V1MetricsSchema,
  costs: V1CostsSchema,
});
export type TenantV1UsageBody = z.infer<typeof TenantV1UsageSchema>;

/** C: `GET /api/v1/admin/billing/usage/{tenant_id}`. */
export const AdminV1UsageSchema = z.object({
  tenant_id: z.string(),
  month: z.string(),
  summary: z.object({ metrics: V1MetricsSchema, costs: V1CostsSchema }),
});
export type AdminV1UsageBody = z.infer<typeof AdminV1UsageSchema>;

/** B: `GET /api/v1/billing/invoices` (no 200 sample exists: written from docs/host.md §4B). */
export const TenantV1InvoiceSchema = z.object({
  invoice_id: z.string(),
  invoice_number: maybeText,
  period: maybeText,
  status: maybeText,
  total_cents: cents,
  currency: maybeText,
  due_date: maybeText,
  paid_at: maybeText,
  items: z.optional(z.nullable(z.array(z.unknown()))),
});
export const TenantV1InvoicesSchema = z.object({
  invoices: z.array(TenantV1InvoiceSchema),
  total: z.optional(z.nullable(count)),
});

// ------------------------------------------------------------------- identity and tenants

/** `GET /api/user/permissions`. */
export const PermissionsSchema = z.object({
  role: z.string(),
  permissions: z.optional(
    z.nullable(z.object({ billing: z.optional(z.nullable(z.array(z.string()))) })),
  ),
});

/** `GET /api/v1/auth/me` (`email` is null on the reference host). */
export const AuthMeSchema = z.object({
  username: maybeText,
  role: z.string(),
});

/** `GET /api/user/tenants`. */
export const UserTenantsSchema = z.object({
  tenants: z.array(
    z.object({
      tenant_id: z.string(),
      name: maybeText,
      is_platform: z.optional(z.nullable(z.boolean())),
      branding: z.optional(
        z.nullable(z.object({ primary_color: maybeText, display_name: maybeText })),
      ),
    }),
  ),
  current: maybeText,
});
