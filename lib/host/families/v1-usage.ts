/**
 * The usage shape both v1 families share (docs/host.md §4B/4C): the billing service's real aggregates
 * in integer cents (BRL: the bodies name no currency), metrics as the service counts them.
 */
import { z } from 'zod/mini';
import type { Money, Usage } from '../../model';
import { HOST_CURRENCY } from '../currency';
import { clip, oneDecimal } from '../result';
import { cents, count, quantity } from '../schemas';

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

export function brl(amount: number): Money {
  return { cents: amount, currency: HOST_CURRENCY };
}

export function v1Usage(
  period: string,
  metrics: z.infer<typeof V1MetricsSchema>,
  costs: z.infer<typeof V1CostsSchema>,
): Usage {
  return {
    period: clip(period),
    periodStart: null,
    periodEnd: null,
    total: brl(costs.total_cents),
    split: {
      api: brl(costs.api_cents),
      llm: brl(costs.llm_cents),
      storage: brl(costs.storage_cents),
      compute: brl(costs.compute_cents),
    },
    metrics: {
      apiCalls: metrics.api_calls,
      tokensTotal: metrics.llm_tokens_total,
      tokensIn: metrics.llm_tokens_input,
      tokensOut: metrics.llm_tokens_output,
      storageMb: oneDecimal(metrics.storage_mb),
      computeMinutes: oneDecimal(metrics.compute_minutes),
    },
  };
}
