// Per-tenant billing figures for the three billing families. BELGO-001 reproduces the samples
// exactly; TECH-001 and STARTUP-001 have their own (different) numbers. Dates come from the clock.
// More tenants come only in scale mode (./scale-tenants.ts), through withTenants().
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { brl, pyIso } from './headers.ts';

export interface V1Figures {
  metrics: {
    api_calls: number; llm_tokens_input: number; llm_tokens_output: number; storage_mb: number;
    compute_seconds: number; active_users: number; active_sessions: number; logins_count: number;
    file_uploads: number; file_downloads: number;
  };
  costs: { api_cents: number; llm_cents: number; storage_cents: number; compute_cents: number };
  limits: { api_calls: number; tokens: number; storage_mb: number; compute_minutes: number } | null;
  aggregateId: string;
  events: number;
  /**
   * The months before the current one, last month first, each as multipliers of the current
   * month's figures per resource; earlier months had no usage (the host's aggregate of zeros).
   */
  history: MonthShape[];
  /**
   * An ISO code for a tenant billed in another currency. The host names none (docs/host.md §4:
   * BRL, `total_formatted` "R$ 27.02"); such a tenant's bodies carry `currency` beside the cents,
   * as invoices do, and format their totals with the code. Absent: BRL, bodies as the host's.
   */
  currency?: string;
}

/** How a month's usage compares with the current month's, per resource (calls, tokens, MB, compute). */
export interface MonthShape {
  api: number;
  llm: number;
  storage: number;
  compute: number;
}

const SAME: MonthShape = { api: 1, llm: 1, storage: 1, compute: 1 };
const NONE: MonthShape = { api: 0, llm: 0, storage: 0, compute: 0 };
const uniform = (k: number): MonthShape => ({ api: k, llm: k, storage: k, compute: k });

/**
 * The panel's generated numbers per tenant: only how its generated invoices and timeline scale,
 * and the budget it names. Its usage is one simulation for everyone (PANEL_USAGE).
 */
interface PanelScale {
  /** scale of invoice items / timeline against BELGO's */
  scale: number;
  monthlyLimit: number;
}

const V1: Record<string, V1Figures> = {
  'BELGO-001': {
    metrics: { api_calls: 120, llm_tokens_input: 660000, llm_tokens_output: 390000, storage_mb: 1250, compute_seconds: 7200, active_users: 2, active_sessions: 0, logins_count: 0, file_uploads: 2, file_downloads: 0 },
    costs: { api_cents: 120, llm_cents: 1574, storage_cents: 609, compute_cents: 399 },
    limits: { api_calls: 10000, tokens: 100000, storage_mb: 10240, compute_minutes: 600 },
    aggregateId: 'AGG-FC040445C67B', events: 129,
    history: [
      { api: 0.9, llm: 0.85, storage: 0.96, compute: 1.1 },
      { api: 0.75, llm: 0.6, storage: 0.9, compute: 0.8 },
      { api: 0.5, llm: 0.4, storage: 0.85, compute: 0.55 },
      { api: 0.25, llm: 0.1, storage: 0.8, compute: 0.3 },
    ],
  },
  'TECH-001': {
    metrics: { api_calls: 230, llm_tokens_input: 980000, llm_tokens_output: 610000, storage_mb: 1840, compute_seconds: 11160, active_users: 5, active_sessions: 1, logins_count: 4, file_uploads: 7, file_downloads: 3 },
    costs: { api_cents: 230, llm_cents: 2480, storage_cents: 820, compute_cents: 620 },
    // A larger plan: every quota its own.
    limits: { api_calls: 50000, tokens: 2000000, storage_mb: 20480, compute_minutes: 1200 },
    aggregateId: 'AGG-7A1D93C04B2E', events: 214,
    history: [
      { api: 1.2, llm: 1.3, storage: 0.98, compute: 1.15 },
      { api: 1.1, llm: 0.9, storage: 0.95, compute: 1.0 },
      { api: 0.95, llm: 0.8, storage: 0.9, compute: 0.9 },
      { api: 0.9, llm: 0.75, storage: 0.88, compute: 0.85 },
      { api: 0.8, llm: 0.7, storage: 0.85, compute: 0.8 },
      { api: 0.7, llm: 0.6, storage: 0.8, compute: 0.7 },
    ],
  },
  'STARTUP-001': {
    metrics: { api_calls: 15, llm_tokens_input: 90000, llm_tokens_output: 50000, storage_mb: 160, compute_seconds: 1260, active_users: 1, active_sessions: 0, logins_count: 1, file_uploads: 1, file_downloads: 0 },
    costs: { api_cents: 15, llm_cents: 210, storage_cents: 40, compute_cents: 35 },
    limits: null, // trial, no subscription
    aggregateId: 'AGG-3B55E0F1A9C7', events: 12,
    history: [], // signed up this month
  },
};

/**
 * The panel's usage: simulated by the host's own code ("Simulacao de dados"), the same for every
 * tenant (docs/host.md §4A: BELGO-001 and TECH-001 both R$ 245,80 and 15 420 calls).
 */
const PANEL_USAGE = {
  api_calls: { total: 15420, by_endpoint: { stories: 5200, tasks: 4100, jobs: 3200, workers: 2920 } },
  tokens_used: { total: 2450000, input_tokens: 1200000, output_tokens: 1250000 },
  storage: { total_gb: 12.5, projects_gb: 8.2, attachments_gb: 3.1, backups_gb: 1.2 },
  compute: { worker_hours: 156.5, job_executions: 342, avg_job_duration_min: 4.2 },
  cost: { total: 245.8, api_calls: 45.6, tokens: 122.5, storage: 25.0, compute: 52.7 },
};

const PANEL: Record<string, PanelScale> = {
  'BELGO-001': { scale: 1, monthlyLimit: 500 },
  'TECH-001': { scale: 1.3, monthlyLimit: 500 },
  'STARTUP-001': { scale: 0.1, monthlyLimit: 100 },
};

/**
 * A tenant id the billing service has no record of. Admin v1 answers it all the same (docs/host.md
 * §3: any tenant id to any ADMIN): the service creates the month's aggregate on the spot, every
 * figure zero, and finds no pricing, so 0 included (§4C).
 */
function unknownTenant(tenantId: string): V1Figures {
  const zero = { api_calls: 0, llm_tokens_input: 0, llm_tokens_output: 0, storage_mb: 0, compute_seconds: 0, active_users: 0, active_sessions: 0, logins_count: 0, file_uploads: 0, file_downloads: 0 };
  const aggregateId = `AGG-${createHash('sha256').update(tenantId).digest('hex').slice(0, 12).toUpperCase()}`;
  return { metrics: zero, costs: { api_cents: 0, llm_cents: 0, storage_cents: 0, compute_cents: 0 }, limits: null, aggregateId, events: 0, history: [] };
}

/**
 * Figures of tenants beyond the seeded ones, for the request being answered: the scale mode's,
 * set per request by the server (one process may run a default and a scale replica at once).
 */
const extraTenants = new AsyncLocalStorage<Readonly<Record<string, V1Figures>>>();

/** Runs `answer` with `extra` tenants' figures known (they do not replace the seeded three). */
export function withTenants<T>(extra: Readonly<Record<string, V1Figures>>, answer: () => T): T {
  return extraTenants.run(extra, answer);
}

const figuresOf = (tenantId: string): V1Figures => V1[tenantId] ?? extraTenants.getStore()?.[tenantId] ?? unknownTenant(tenantId);

/** A total as the host formats it ("R$ 27.02"), with the code of a tenant in another currency. */
const formatted = (cents: number, f: V1Figures): string => (f.currency ? `${f.currency} ${(cents / 100).toFixed(2)}` : brl(cents));
/** `currency` for the bodies of a tenant in another currency; nothing for the host's own BRL. */
const currencyOf = (f: V1Figures) => (f.currency ? { currency: f.currency } : {});

const r2 = (n: number): number => Math.round(n * 100) / 100;
const DAY = 86400000;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthKey(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
function addMonths(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}
/** Months between `month` (YYYY-MM) and the current month (positive = in the past). */
function monthsAgo(month: string, now: Date): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return (now.getUTCFullYear() - y) * 12 + (now.getUTCMonth() + 1 - m);
}

function figures(tenantId: string, shape: MonthShape = SAME) {
  const f = figuresOf(tenantId);
  const by = (k: number) => (n: number) => Math.round(n * k);
  const [api, llm, sto, cpu, any] = [by(shape.api), by(shape.llm), by(shape.storage), by(shape.compute), by(Math.max(shape.api, shape.llm))];
  const m = f.metrics;
  const metrics = {
    api_calls: api(m.api_calls), llm_tokens_input: llm(m.llm_tokens_input), llm_tokens_output: llm(m.llm_tokens_output),
    llm_tokens_total: llm(m.llm_tokens_input) + llm(m.llm_tokens_output),
    storage_bytes: sto(m.storage_mb) * 1048576, storage_mb: sto(m.storage_mb),
    compute_seconds: cpu(m.compute_seconds), compute_minutes: r2(cpu(m.compute_seconds) / 60),
    active_users: any(m.active_users), active_sessions: any(m.active_sessions), logins_count: any(m.logins_count),
    file_uploads: sto(m.file_uploads), file_downloads: sto(m.file_downloads),
  };
  const c = { api_cents: api(f.costs.api_cents), llm_cents: llm(f.costs.llm_cents), storage_cents: sto(f.costs.storage_cents), compute_cents: cpu(f.costs.compute_cents) };
  const total = c.api_cents + c.llm_cents + c.storage_cents + c.compute_cents;
  const costs = { ...c, total_cents: total, total_formatted: formatted(total, f), ...currencyOf(f) };
  return { f, metrics, costs };
}

function withoutSessions(m: ReturnType<typeof figures>['metrics']) {
  const { active_sessions: _omit, ...rest } = m;
  return rest;
}

// ---------------------------------------------------------------- tenant v1 (/api/v1/billing)

export function v1CurrentUsage(tenantId: string, periodType: 'monthly' | 'daily', now = new Date()) {
  const { f, metrics, costs } = figures(tenantId);
  const m = withoutSessions(metrics);
  if (periodType === 'daily') m.active_users = 0;
  return {
    tenant_id: tenantId,
    period: periodType === 'daily' ? now.toISOString().slice(0, 10) : monthKey(now),
    period_type: periodType,
    metrics: m,
    costs,
    limits: f.limits ? { ...f.limits } : null,
  };
}

function breakdownFor(tenantId: string, shape: MonthShape) {
  const { f, metrics, costs } = figures(tenantId, shape);
  const lim = f.limits ?? { api_calls: 0, tokens: 0, storage_mb: 0, compute_minutes: 0 };
  return {
    breakdown: {
      api_calls: { used: metrics.api_calls, included: lim.api_calls, overage: Math.max(0, metrics.api_calls - lim.api_calls), cost_cents: costs.api_cents },
      llm_tokens: { input: metrics.llm_tokens_input, output: metrics.llm_tokens_output, total: metrics.llm_tokens_total, included: lim.tokens, cost_cents: costs.llm_cents },
      storage: { used_bytes: metrics.storage_bytes, used_mb: metrics.storage_mb, included_mb: lim.storage_mb, cost_cents: costs.storage_cents },
      compute: { used_seconds: metrics.compute_seconds, used_minutes: metrics.compute_minutes, included_minutes: lim.compute_minutes, cost_cents: costs.compute_cents },
      activity: { active_users: metrics.active_users, logins_count: metrics.logins_count, file_uploads: metrics.file_uploads, file_downloads: metrics.file_downloads },
    },
    total_cost_cents: costs.total_cents,
    total_cost_formatted: costs.total_formatted,
    metrics, costs, f,
  };
}

/**
 * A month's usage against the current month's: the current month has the seeded figures, the
 * tenant's history the months before; older and future months had none (all zeros).
 */
function monthShape(tenantId: string, month: string, now: Date): MonthShape {
  const k = monthsAgo(month, now);
  if (k === 0) return SAME;
  return (k > 0 && figuresOf(tenantId).history[k - 1]) || NONE;
}

/** A month as the host's billing service takes it: "YYYY-MM", else its strptime raises (a 500). */
export const HOST_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function v1UsageBreakdown(tenantId: string, month: string | null, now = new Date()) {
  const mo = month ?? monthKey(now);
  const b = breakdownFor(tenantId, monthShape(tenantId, mo, now));
  return { tenant_id: tenantId, month: mo, breakdown: b.breakdown, total_cost_cents: b.total_cost_cents, total_cost_formatted: b.total_cost_formatted, ...currencyOf(b.f) };
}

export function adminUsage(tenantId: string, month: string | null, now = new Date()) {
  const mo = month ?? monthKey(now);
  const b = breakdownFor(tenantId, monthShape(tenantId, mo, now));
  const created = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), Math.min(now.getUTCDate(), 28), 12, 2, 9, 390));
  return {
    tenant_id: tenantId,
    month: mo,
    summary: {
      aggregate_id: b.f.aggregateId,
      tenant_id: tenantId,
      period: mo,
      period_type: 'monthly',
      metrics: b.metrics,
      costs: b.costs,
      created_at: pyIso(created),
      updated_at: pyIso(new Date(created.getTime() + 1)),
    },
    breakdown: b.breakdown,
    total_cost_cents: b.total_cost_cents,
    total_cost_formatted: b.total_cost_formatted,
    ...currencyOf(b.f),
  };
}

export function v1UsageEvents(tenantId: string, page: number, limit: number, now = new Date()) {
  const total = figuresOf(tenantId).events;
  const events = [];
  const start = (page - 1) * limit;
  for (let i = start; i < Math.min(total, start + limit); i++) {
    const n = total - i;
    const ts = pyIso(new Date(now.getTime() - i * 3600_000 - 48_000));
    const id = `EVT-${(0x32e72a8ff8d5 + n * 7919).toString(16).toUpperCase().slice(-12)}`;
    if (i % 3 !== 2) {
      events.push({ event_id: id, event_type: 'compute', resource: 'worker/worker-001', action: 'execute', quantity: 2400, unit: 'seconds', cost_cents: 133, timestamp: ts, metadata: { worker_id: 'worker-001', job_id: `JOB-${n}`, duration_seconds: 2400 } });
    } else {
      events.push({ event_id: id, event_type: 'llm_tokens', resource: 'llm/claude', action: 'completion', quantity: 8000, unit: 'tokens', cost_cents: 12, timestamp: ts, metadata: { model: 'claude-sonnet', input_tokens: 5000, output_tokens: 3000 } });
    }
  }
  return { events, total, page, limit };
}

export interface V1Invoice {
  invoice_id: string; invoice_number: string; tenant_id: string; period: string; period_start: string; period_end: string;
  status: 'paid' | 'pending' | 'overdue'; subtotal_cents: number; discount_cents: number; tax_cents: number; total_cents: number;
  total_formatted: string; due_date: string; paid_at: string | null;
  items: { description: string; quantity: number; unit_price_cents: number; total_cents: number }[];
  created_at: string;
}

const V1_INVOICE_STATUSES: Record<string, V1Invoice['status'][]> = {
  'BELGO-001': ['pending', 'paid', 'paid'],
  'TECH-001': ['pending', 'overdue', 'paid', 'paid'],
  'STARTUP-001': [], // trial without subscription: no invoices
};

/** Invoices of the fixed host (newest first). Numbers are sequential per tenant. */
export function v1Invoices(tenantId: string, now = new Date()): V1Invoice[] {
  const statuses = V1_INVOICE_STATUSES[tenantId] ?? [];
  const { costs } = figures(tenantId);
  const base = costs.total_cents;
  const tenantIdx = Object.keys(V1_INVOICE_STATUSES).indexOf(tenantId);
  return statuses.map((status, k) => {
    const start = addMonths(now, -(k + 1));
    const end = new Date(addMonths(now, -k).getTime() - 1000);
    const subtotal = Math.round(base * (1 - 0.05 * k));
    const discount = k === 2 ? Math.round(subtotal * 0.1) : 0;
    const tax = Math.round((subtotal - discount) * 0.05);
    const total = subtotal - discount + tax;
    const created = new Date(addMonths(now, -k).getTime() + 3600_000);
    const due = new Date(created.getTime() + 15 * DAY);
    const seq = statuses.length - k + tenantIdx * 100;
    const { costs: c } = figures(tenantId, uniform(1 - 0.05 * k));
    return {
      invoice_id: `INV-${monthKey(start).replace('-', '')}-${tenantId}`,
      invoice_number: `FAT-${start.getUTCFullYear()}-${String(seq).padStart(4, '0')}`,
      tenant_id: tenantId,
      period: monthKey(start),
      period_start: pyIso(start),
      period_end: pyIso(end),
      status,
      subtotal_cents: subtotal,
      discount_cents: discount,
      tax_cents: tax,
      total_cents: total,
      total_formatted: brl(total),
      due_date: pyIso(due),
      paid_at: status === 'paid' ? pyIso(new Date(created.getTime() + 5 * DAY)) : null,
      items: [
        { description: 'API Calls', quantity: 1, unit_price_cents: c.api_cents, total_cents: c.api_cents },
        { description: 'LLM Tokens', quantity: 1, unit_price_cents: c.llm_cents, total_cents: c.llm_cents },
        { description: 'Storage', quantity: 1, unit_price_cents: c.storage_cents, total_cents: c.storage_cents },
        { description: 'Compute', quantity: 1, unit_price_cents: c.compute_cents, total_cents: c.compute_cents },
      ],
      created_at: pyIso(created),
    };
  });
}

export function v1Summary(tenantId: string, now = new Date()) {
  const invoices = v1Invoices(tenantId, now);
  const pending = invoices.filter((i) => i.status !== 'paid').reduce((s, i) => s + i.total_cents, 0);
  const last = invoices[0];
  return {
    tenant_id: tenantId,
    current_month: monthKey(now),
    current_usage: v1CurrentUsage(tenantId, 'monthly', now),
    pending_amount_cents: pending,
    pending_amount_formatted: brl(pending),
    last_invoice: last
      ? { invoice_id: last.invoice_id, invoice_number: last.invoice_number, tenant_id: last.tenant_id, period: last.period, status: last.status, total_cents: last.total_cents, total_formatted: last.total_formatted, paid_at: last.paid_at }
      : null,
  };
}

// ---------------------------------------------------------------- panel (/api/billing, float reais)

function panel(tenantId: string): PanelScale {
  return PANEL[tenantId] ?? PANEL['BELGO-001']!;
}

const PERIOD_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

/** `tenant_id` is required by the route but changes nothing: the simulation ignores it. */
export function panelUsage(_tenantId: string, period: string, now = new Date()) {
  const u = PANEL_USAGE;
  const days = PERIOD_DAYS[period] ?? 30;
  return {
    period,
    period_start: pyIso(new Date(now.getTime() - days * DAY)),
    period_end: pyIso(now),
    api_calls: { total: u.api_calls.total, by_endpoint: { ...u.api_calls.by_endpoint } },
    tokens_used: { ...u.tokens_used },
    storage: { ...u.storage },
    compute: { ...u.compute },
    cost: { ...u.cost },
  };
}

export function panelInvoices(tenantId: string, limit: number, now = new Date()) {
  const p = panel(tenantId);
  const invoices = [];
  for (let i = 0; i < limit; i++) {
    const end = new Date(now.getTime() - 30 * i * DAY);
    const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 1, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
    const g = 1 + 0.075 * i;
    const items = [
      { description: 'API Calls', amount: r2(40 * p.scale * g) },
      { description: 'Token Usage', amount: r2(100 * p.scale * g) },
      { description: 'Storage', amount: r2(20 * p.scale * g) },
      { description: 'Compute', amount: r2(40 * p.scale * g) },
    ];
    const sum = items.reduce((s, it) => s + it.amount, 0);
    const ym = monthKey(end).replace('-', '');
    const paid = i > 0;
    invoices.push({
      invoice_id: `INV-${ym}-${tenantId.slice(0, 6)}`,
      period: `${MONTHS_EN[end.getUTCMonth()]} ${end.getUTCFullYear()}`,
      period_start: pyIso(start),
      period_end: pyIso(end),
      status: paid ? 'paid' : 'pending',
      amount: r2(sum * (1 + 0.1 * i)),
      currency: 'BRL',
      items,
      due_date: pyIso(new Date(end.getTime() + 15 * DAY)),
      paid_at: paid ? pyIso(new Date(end.getTime() + 10 * DAY)) : null,
      payment_method: paid ? 'credit_card' : null,
      pdf_url: `/api/billing/invoices/${tenantId}/INV-${ym}.pdf`,
    });
  }
  return { invoices };
}

export function panelProjections(tenantId: string, now = new Date()) {
  const p = panel(tenantId);
  const spent = PANEL_USAGE.cost.total;
  const daysInMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
  const daysRemaining = daysInMonth - now.getUTCDate();
  const next = r2(spent * 1.1);
  return {
    current_month: { spent, projected_total: spent, days_remaining: daysRemaining, projected_remaining: r2((spent / 30) * daysRemaining) },
    next_month: {
      projected_total: next,
      breakdown: { api_calls: r2(next * 0.2), tokens: r2(next * 0.5), storage: r2(next * 0.1), compute: r2(next * 0.2) },
    },
    quarterly: { projected_total: r2(spent * 3 * 1.15), avg_monthly: r2(spent * 1.15) },
    yearly: { projected_total: r2(spent * 14.6), avg_monthly: r2(spent * 1.2) },
    budget: { monthly_limit: p.monthlyLimit, current_usage_pct: Math.round((spent / p.monthlyLimit) * 1000) / 10, alert_threshold: 80, is_over_threshold: spent / p.monthlyLimit >= 0.8 },
    savings_opportunities: [
      { type: 'optimize_tokens', description: 'Otimizar prompts para reduzir uso de tokens', potential_savings: 25.0, difficulty: 'medium' },
      { type: 'batch_jobs', description: 'Agrupar jobs para reduzir tempo de compute', potential_savings: 15.0, difficulty: 'easy' },
      { type: 'cleanup_storage', description: 'Limpar arquivos temporarios e backups antigos', potential_savings: 8.0, difficulty: 'easy' },
    ],
  };
}

export function panelTimeline(tenantId: string, days: number, now = new Date()) {
  const p = panel(tenantId);
  const timeline = [];
  for (let i = days; i >= 0; i--) {
    const api = 900 + 50 * i;
    timeline.push({
      date: new Date(now.getTime() - i * DAY).toISOString().slice(0, 10),
      api_calls: Math.round(api * p.scale),
      tokens: Math.round((160000 + 10000 * i) * p.scale),
      cost: r2((api - 500) * 0.024 * p.scale),
    });
  }
  return { timeline };
}

export function panelDashboardHtml(tenantId: string): string {
  const u = panelUsage(tenantId, 'month');
  return `<!DOCTYPE html><html lang="pt-BR"><head><meta charset="utf-8"><title>Billing Dashboard - ${tenantId}</title></head>
<body style="font-family:system-ui,sans-serif;margin:24px"><h1>Billing &amp; Usage</h1><p>Tenant: <strong>${tenantId}</strong></p>
<p>Custo do periodo: R$ ${u.cost.total.toFixed(2)}</p><p>API calls: ${u.api_calls.total}</p></body></html>`;
}
