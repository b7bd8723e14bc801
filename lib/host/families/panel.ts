/**
 * A. Panel, `/api/billing/*` (docs/host.md §4A): mounted only with the seed's "Change 1"; float reais,
 * no currency named (HOST_CURRENCY). Its figures are simulated: the host's own code generates
 * them ("Simulacao de dados"), the same usage for every tenant, so they rank last and are shown
 * as such. The only family with projections, a timeline and calls per endpoint; it names no
 * quotas and has no calendar months (`period=month` is the last 30 days).
 */
import { z } from 'zod/mini';
import type { EndpointCalls, Invoice, Money, Projections, TimelinePoint, Usage } from '@/lib/billing/model';
import { reaisToCents } from '@/lib/billing/money';
import { currencyOrDefault, HOST_CURRENCY } from '@/lib/host/currency';
import { readInvoiceRows, statusFields } from '@/lib/host/invoices';
import { clip, hostText, hostTextOrNull, MAX_ITEMS, oneDecimal, parseWith, type Read } from '@/lib/host/result';
import { count, maybeText, quantity, reais, signedReais } from '@/lib/host/schemas';
import { INVOICE_LIMIT, NO_QUOTAS, type HostFamily } from '@/lib/host/families/family';

/** Days of timeline asked for: the full page's chart. */
export const TIMELINE_DAYS = 30;

export const PanelUsageSchema = z.object({
  period: z.string(),
  period_start: maybeText,
  period_end: maybeText,
  api_calls: z.object({ total: count, by_endpoint: z.optional(z.nullable(z.record(z.string(), count))) }),
  tokens_used: z.object({ total: count, input_tokens: count, output_tokens: count }),
  storage: z.object({ total_gb: quantity }),
  compute: z.object({ worker_hours: quantity }),
  cost: z.object({ total: reais, api_calls: reais, tokens: reais, storage: reais, compute: reais }),
});

const PanelInvoiceSchema = z.object({
  invoice_id: z.string(),
  invoice_number: maybeText,
  period: maybeText,
  status: maybeText,
  amount: signedReais,
  currency: maybeText,
  due_date: maybeText,
  paid_at: maybeText,
});

const PanelProjectionsSchema = z.object({
  current_month: z.object({ spent: reais, projected_total: reais, days_remaining: count }),
  next_month: z.optional(z.nullable(z.object({ projected_total: reais }))),
  budget: z.optional(
    z.nullable(z.object({ monthly_limit: reais, current_usage_pct: quantity, alert_threshold: quantity })),
  ),
});

const PanelTimelineSchema = z.object({
  timeline: z.array(z.object({ date: z.string(), api_calls: count, tokens: count, cost: reais })),
});

export function reaisToMoney(reais: number, currency: string = HOST_CURRENCY): Money {
  return { cents: reaisToCents(reais), currency };
}

/** `GET /api/billing/usage`: storage in GB, compute in worker hours. */
export function normalizePanelUsage(json: unknown): Read<Usage> {
  return parseWith('usage', PanelUsageSchema, json, (body) => ({
    period: hostText(body.period),
    periodStart: hostTextOrNull(body.period_start),
    periodEnd: hostTextOrNull(body.period_end),
    // A rolling period (the last 30 days up to now), not a calendar month.
    month: null,
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
    quotas: NO_QUOTAS,
    callsByEndpoint: body.api_calls.by_endpoint ? endpointCalls(body.api_calls.by_endpoint) : null,
  }));
}

/**
 * `by_endpoint` as a list, most called first (a hostile answer cannot flood the page). Names
 * that read the same once cleaned are one endpoint, and one row on screen.
 */
function endpointCalls(byEndpoint: Record<string, number>): EndpointCalls[] {
  const calls = new Map<string, number>();
  for (const [raw, n] of Object.entries(byEndpoint)) {
    const endpoint = hostText(raw);
    calls.set(endpoint, (calls.get(endpoint) ?? 0) + n);
  }
  return Array.from(calls, ([endpoint, n]) => ({ endpoint, calls: n }))
    .sort((a, b) => b.calls - a.calls)
    .slice(0, MAX_ITEMS);
}

/** `GET /api/billing/invoices`: `amount` in reais, currency per invoice, no number (the id stands in). */
export const normalizePanelInvoices = (json: unknown) =>
  readInvoiceRows(json, PanelInvoiceSchema, (inv): Invoice => ({
    id: clip(inv.invoice_id),
    number: hostText(inv.invoice_number ?? inv.invoice_id),
    period: hostText(inv.period ?? ''),
    total: reaisToMoney(inv.amount, currencyOrDefault(inv.currency)),
    ...statusFields(inv.status),
    dueDate: hostTextOrNull(inv.due_date),
    paidAt: hostTextOrNull(inv.paid_at),
  }));

/** `GET /api/billing/projections`. */
export function normalizeProjections(json: unknown): Read<Projections> {
  return parseWith('projections', PanelProjectionsSchema, json, (body) => ({
    spent: reaisToMoney(body.current_month.spent),
    projectedTotal: reaisToMoney(body.current_month.projected_total),
    daysRemaining: body.current_month.days_remaining,
    nextMonth: body.next_month ? reaisToMoney(body.next_month.projected_total) : null,
    budget: body.budget
      ? {
          monthlyLimit: reaisToMoney(body.budget.monthly_limit),
          usagePct: body.budget.current_usage_pct,
          alertThreshold: body.budget.alert_threshold,
        }
      : null,
  }));
}

/** `GET /api/billing/timeline`: one point per day. */
export function normalizeTimeline(json: unknown): Read<TimelinePoint[]> {
  return parseWith('timeline', PanelTimelineSchema, json, (body) =>
    body.timeline.slice(0, MAX_ITEMS).map(
      (point): TimelinePoint => ({
        date: hostText(point.date),
        apiCalls: point.api_calls,
        tokens: point.tokens,
        cost: reaisToMoney(point.cost),
      }),
    ),
  );
}

export const panel: HostFamily = {
  id: 'panel',
  simulated: true,
  parts(origin, tenantId) {
    const t = encodeURIComponent(tenantId);
    const base = `${origin}/api/billing`;
    return {
      usage: { endpoint: { url: `${base}/usage?tenant_id=${t}&period=month` }, read: normalizePanelUsage },
      invoices: { endpoint: { url: `${base}/invoices?tenant_id=${t}&limit=${INVOICE_LIMIT}` }, read: normalizePanelInvoices },
      projections: { endpoint: { url: `${base}/projections?tenant_id=${t}` }, read: normalizeProjections },
      timeline: { endpoint: { url: `${base}/timeline?tenant_id=${t}&days=${TIMELINE_DAYS}` }, read: normalizeTimeline },
    };
  },
  monthUsage: null,
};
