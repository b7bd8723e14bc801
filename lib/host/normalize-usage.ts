/** Usage bodies of the three families → the model's `Usage`. */
import type { Money, Usage } from '../model';
import { reaisToCents } from '../money';
import { HOST_CURRENCY } from './currency';
import { clip, clipOrNull, parseWith, type Result } from './result';
import {
  AdminV1UsageSchema,
  PanelUsageSchema,
  TenantV1UsageSchema,
  type AdminV1UsageBody,
  type TenantV1UsageBody,
} from './schemas';

export function brl(cents: number): Money {
  return { cents, currency: HOST_CURRENCY };
}

export function reaisToMoney(reais: number, currency: string = HOST_CURRENCY): Money {
  return { cents: reaisToCents(reais), currency };
}

/** Rounds to one decimal place (used for MB and minutes derived from floats). */
function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Panel `GET /api/billing/usage`: costs are float reais, storage in GB, compute in worker
 * hours. The body names no currency, so it is HOST_CURRENCY.
 */
export function normalizePanelUsage(json: unknown): Result<Usage> {
  return parseWith('usage', PanelUsageSchema, json, (body) => ({
    period: clip(body.period),
    periodStart: clipOrNull(body.period_start),
    periodEnd: clipOrNull(body.period_end),
    total: reaisToMoney(body.cost.total),
    split: {
      api: reaisToMoney(body.cost.api_calls),
      llm: reaisToMoney(body.cost.tokens),
      storage: reaisToMoney(body.cost.storage),
      compute: reaisToMoney(body.cost.compute),
    },
    metrics: {
      apiCalls: body.api_calls.total,
      tokensTotal: body.tokens_used.total,
      tokensIn: body.tokens_used.input_tokens,
      tokensOut: body.tokens_used.output_tokens,
      storageMb: oneDecimal(body.storage.total_gb * 1024),
      computeMinutes: oneDecimal(body.compute.worker_hours * 60),
    },
  }));
}

function v1Usage(
  period: string,
  metrics: TenantV1UsageBody['metrics'],
  costs: TenantV1UsageBody['costs'],
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

/** Tenant v1 `GET /api/v1/billing/current-usage`: integer cents, period like "2026-11". */
export function normalizeTenantV1Usage(json: unknown): Result<Usage> {
  return parseWith('usage', TenantV1UsageSchema, json, (body) =>
    v1Usage(body.period, body.metrics, body.costs),
  );
}

/** Admin v1 `GET /api/v1/admin/billing/usage/{tenant_id}`: as tenant v1, under `summary`. */
export function normalizeAdminV1Usage(json: unknown): Result<Usage> {
  return parseWith('usage', AdminV1UsageSchema, json, (body: AdminV1UsageBody) =>
    v1Usage(body.month, body.summary.metrics, body.summary.costs),
  );
}
