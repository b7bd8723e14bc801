/**
 * The usage shape both v1 families share (docs/host.md §4B/4C): the billing service's real
 * aggregates in integer cents (BRL: the host's bodies name no currency; one that names an ISO
 * code, as invoices do, is believed), metrics as the service counts them, and its breakdown
 * against the plan's included amounts.
 */
import { z } from 'zod/mini';
import type { Money, Quota, Quotas, Usage } from '@/lib/billing/model';
import { isMonth } from '@/lib/billing/month';
import { currencyOrDefault, HOST_CURRENCY } from '@/lib/host/currency';
import { hostText, oneDecimal } from '@/lib/host/result';
import { cents, count, quantity } from '@/lib/host/schemas';
import { NO_QUOTAS } from '@/lib/host/families/family';

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
  currency: z.optional(z.unknown()),
});

/**
 * An included amount. The host writes 0 where the tenant has no pricing ("included": 0 if no
 * pricing), so 0, a negative or a missing value all mean "no quota named", never "none included".
 */
const included = z.optional(z.nullable(z.number()));

/** `breakdown` of admin v1's usage and of tenant v1's `usage-breakdown`: used, included, cost. */
export const V1BreakdownSchema = z.object({
  api_calls: z.object({ used: count, included, cost_cents: cents }),
  llm_tokens: z.object({ input: count, output: count, total: count, included, cost_cents: cents }),
  storage: z.object({ used_mb: quantity, included_mb: included, cost_cents: cents }),
  compute: z.object({ used_minutes: quantity, included_minutes: included, cost_cents: cents }),
});
type V1Breakdown = z.infer<typeof V1BreakdownSchema>;

/** Tenant v1's `limits` on current-usage (null for a tenant without a plan). */
export const V1LimitsSchema = z.nullable(
  z.object({ api_calls: included, tokens: included, storage_mb: included, compute_minutes: included }),
);

export function quota(used: number, includedAmount: number | null | undefined): Quota | null {
  return typeof includedAmount === 'number' && includedAmount > 0 ? { used, included: includedAmount } : null;
}

export function brl(amount: number): Money {
  return { cents: amount, currency: HOST_CURRENCY };
}

type Metrics = z.infer<typeof V1MetricsSchema>;
type Limits = z.infer<typeof V1LimitsSchema>;

/** The quotas of a breakdown, measured as the breakdown measures them. */
export function breakdownQuotas(b: V1Breakdown): Quotas {
  return {
    api: quota(b.api_calls.used, b.api_calls.included),
    llm: quota(b.llm_tokens.total, b.llm_tokens.included),
    storage: quota(oneDecimal(b.storage.used_mb), b.storage.included_mb),
    compute: quota(oneDecimal(b.compute.used_minutes), b.compute.included_minutes),
  };
}

/** Quotas from tenant v1's `limits`, measured by the same answer's metrics. */
export function limitQuotas(metrics: Metrics, limits: Limits | undefined): Quotas {
  if (!limits) return NO_QUOTAS;
  return {
    api: quota(metrics.api_calls, limits.api_calls),
    llm: quota(metrics.llm_tokens_total, limits.tokens),
    storage: quota(oneDecimal(metrics.storage_mb), limits.storage_mb),
    compute: quota(oneDecimal(metrics.compute_minutes), limits.compute_minutes),
  };
}

export function v1Usage(
  period: string,
  metrics: Metrics,
  costs: z.infer<typeof V1CostsSchema>,
  quotas: Quotas,
): Usage {
  const currency = currencyOrDefault(costs.currency);
  const money = (amount: number): Money => ({ cents: amount, currency });
  return {
    period: hostText(period),
    periodStart: null,
    periodEnd: null,
    month: isMonth(period) ? period : null,
    total: money(costs.total_cents),
    split: {
      api: money(costs.api_cents),
      llm: money(costs.llm_cents),
      storage: money(costs.storage_cents),
      compute: money(costs.compute_cents),
    },
    metrics: {
      apiCalls: metrics.api_calls,
      tokensTotal: metrics.llm_tokens_total,
      tokensIn: metrics.llm_tokens_input,
      tokensOut: metrics.llm_tokens_output,
      storageMb: oneDecimal(metrics.storage_mb),
      computeMinutes: oneDecimal(metrics.compute_minutes),
    },
    quotas,
    callsByEndpoint: null,
  };
}

/** A month's usage from its breakdown alone (tenant v1's `usage-breakdown?month`). */
export function breakdownUsage(month: string, b: V1Breakdown, totalCents: number): Usage {
  return v1Usage(
    month,
    {
      api_calls: b.api_calls.used,
      llm_tokens_input: b.llm_tokens.input,
      llm_tokens_output: b.llm_tokens.output,
      llm_tokens_total: b.llm_tokens.total,
      storage_mb: b.storage.used_mb,
      compute_minutes: b.compute.used_minutes,
    },
    {
      api_cents: b.api_calls.cost_cents,
      llm_cents: b.llm_tokens.cost_cents,
      storage_cents: b.storage.cost_cents,
      compute_cents: b.compute.cost_cents,
      total_cents: totalCents,
    },
    breakdownQuotas(b),
  );
}
