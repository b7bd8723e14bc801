// The three billing families (panel /api/billing, tenant v1 /api/v1/billing, admin v1) and /billing.
import { findTenantIn } from './scale-tenants.ts';
import type { Ctx } from './context.ts';
import {
  adminUsage, HOST_MONTH, panelDashboardHtml, panelInvoices, panelProjections, panelTimeline, panelUsage,
  v1CurrentUsage, v1Invoices, v1Summary, v1UsageBreakdown, v1UsageEvents,
} from './billing-data.ts';
import { send, sendHtml, sendJson, sendPermissionDenied, sendServerError } from './headers.ts';

const NOT_FOUND = { detail: 'Not Found' };
const TENANT_UNRESOLVED = { detail: 'Tenant nao identificado' };

function intParam(q: URLSearchParams, name: string, def: number, min = 1, max = 1000): number {
  const v = q.get(name);
  if (v === null || v === '') return def;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : def;
}

function missingQuery(name: string) {
  return { detail: [{ type: 'missing', loc: ['query', name], msg: 'Field required', input: null }] };
}

function canReadBilling(role: string): boolean {
  return role === 'ADMIN' || role === 'SUPER_ADMIN';
}

/**
 * Panel family — mounted only in `seed` (the seed's Change 1). `fixed` is the host with the
 * tenant family's fix alone (docs/host.md section 4, "What a client therefore sees").
 */
function panelRoutes(ctx: Ctx): boolean {
  const m = /^\/api\/billing\/(usage|invoices|projections|timeline|dashboard)$/.exec(ctx.path);
  if (ctx.state !== 'seed' || !m || ctx.method !== 'GET') {
    sendJson(ctx.res, 404, NOT_FOUND);
    return true;
  }
  const role = ctx.auth!.role;
  if (!canReadBilling(role)) {
    sendPermissionDenied(ctx.res, role, 'billing', 'read');
    return true;
  }
  const tenantId = ctx.query.get('tenant_id');
  if (!tenantId) {
    sendJson(ctx.res, 422, missingQuery('tenant_id'));
    return true;
  }
  // Host bug reproduced: tenant_id is not checked against the caller's memberships.
  switch (m[1]) {
    case 'usage':
      sendJson(ctx.res, 200, panelUsage(tenantId, ctx.query.get('period') ?? 'month'));
      break;
    case 'invoices':
      sendJson(ctx.res, 200, panelInvoices(tenantId, intParam(ctx.query, 'limit', 12, 1, 100)));
      break;
    case 'projections':
      sendJson(ctx.res, 200, panelProjections(tenantId));
      break;
    case 'timeline':
      sendJson(ctx.res, 200, panelTimeline(tenantId, intParam(ctx.query, 'days', 30, 1, 366)));
      break;
    case 'dashboard':
      sendHtml(ctx.res, 200, panelDashboardHtml(tenantId));
      break;
  }
  return true;
}

/** Tenant v1 family — answers 401 "Tenant nao identificado" unless the host is `fixed`. */
function tenantV1Routes(ctx: Ctx): boolean {
  const m = /^\/api\/v1\/billing\/(current-usage|invoices|usage-breakdown|usage-events|summary)$/.exec(ctx.path);
  if (!m || ctx.method !== 'GET') {
    sendJson(ctx.res, 404, NOT_FOUND);
    return true;
  }
  const a = ctx.auth!;
  if (ctx.state !== 'fixed') {
    sendJson(ctx.res, 401, TENANT_UNRESOLVED);
    return true;
  }
  const tenantId = a.tenantClaim ?? ctx.headerTenant;
  if (!tenantId || !findTenantIn(ctx.scale, tenantId)) {
    sendJson(ctx.res, 401, TENANT_UNRESOLVED);
    return true;
  }
  if (!canReadBilling(a.role)) {
    sendPermissionDenied(ctx.res, a.role, 'billing', 'read');
    return true;
  }
  const q = ctx.query;
  switch (m[1]) {
    case 'current-usage':
      sendJson(ctx.res, 200, v1CurrentUsage(tenantId, q.get('period_type') === 'daily' ? 'daily' : 'monthly'));
      break;
    case 'invoices': {
      const page = intParam(q, 'page', 1, 1, 100000);
      const limit = intParam(q, 'limit', 20, 1, 100);
      const status = q.get('status');
      const all = v1Invoices(tenantId).filter((i) => !status || i.status === status);
      sendJson(ctx.res, 200, { invoices: all.slice((page - 1) * limit, page * limit), total: all.length, page, limit });
      break;
    }
    case 'usage-breakdown': {
      const month = q.get('month');
      // The same billing service as admin v1: any month, and a 500 for one it cannot parse.
      if (month !== null && !HOST_MONTH.test(month)) sendServerError(ctx.res);
      else sendJson(ctx.res, 200, v1UsageBreakdown(tenantId, month));
      break;
    }
    case 'usage-events':
      sendJson(ctx.res, 200, v1UsageEvents(tenantId, intParam(q, 'page', 1, 1, 100000), intParam(q, 'limit', 50, 1, 500)));
      break;
    case 'summary':
      sendJson(ctx.res, 200, v1Summary(tenantId));
      break;
  }
  return true;
}

const ADMIN_ONLY = { detail: 'Acesso negado. Requer role ADMIN.' };

/** Admin v1 family — role exactly ADMIN, every state, any tenant id. */
async function adminV1Routes(ctx: Ctx): Promise<boolean> {
  const a = ctx.auth!;
  const usage = /^\/api\/v1\/admin\/billing\/usage\/([^/]+)$/.exec(ctx.path);
  const known = (usage && ctx.method === 'GET') || (ctx.method === 'POST' && /^\/api\/v1\/admin\/billing\/(generate-invoice|generate-monthly-invoices|process-overdue)$/.test(ctx.path));
  if (!known) {
    sendJson(ctx.res, ctx.method === 'GET' ? 404 : 405, ctx.method === 'GET' ? NOT_FOUND : { detail: 'Method Not Allowed' });
    return true;
  }
  if (a.role !== 'ADMIN') {
    sendJson(ctx.res, 403, ADMIN_ONLY);
    return true;
  }
  if (usage) {
    // Any tenant id answers, one it has no record of with zeros (host bug reproduced, docs/host.md §3).
    const tenantId = decodeURIComponent(usage[1]!);
    const month = ctx.query.get('month');
    // Any month answers (zeros where there was no usage); the host's parse of another raises.
    if (month !== null && !HOST_MONTH.test(month)) sendServerError(ctx.res);
    else sendJson(ctx.res, 200, adminUsage(tenantId, month));
    return true;
  }
  // POST actions: the extension never calls them; answer like the host does for a tenant without subscription.
  const body = (await ctx.readBody()) as { tenant_id?: string } | null;
  if (ctx.path.endsWith('generate-invoice')) {
    const t = body?.tenant_id;
    sendJson(ctx.res, 200, { success: false, invoice: null, error: t && findTenantIn(ctx.scale, t) ? 'Sem assinatura ativa' : 'Tenant nao encontrado' });
  } else {
    sendJson(ctx.res, 200, { processed: 0, errors: [] });
  }
  return true;
}

/** A minimal valid one-page PDF. */
function tinyPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  objs[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The host's full billing panel page (needs the token, so a plain link gets 401). */
function billingPageRoutes(ctx: Ctx): boolean {
  if (ctx.path === '/billing' || ctx.path === '/billing/') {
    sendHtml(ctx.res, 200, panelDashboardHtml(ctx.tenantContext ?? 'BELGO-001'));
    return true;
  }
  const m = /^\/billing\/invoice\/([^/]+)\/download$/.exec(ctx.path);
  if (m) {
    const id = decodeURIComponent(m[1]!);
    send(ctx.res, 200, tinyPdf(`Fatura ${id}`), 'application/pdf', { headers: { 'content-disposition': `attachment; filename=fatura_${id}.pdf` } });
    return true;
  }
  return false;
}

export async function billingRoutes(ctx: Ctx): Promise<boolean> {
  if (ctx.path.startsWith('/api/billing/')) return panelRoutes(ctx);
  if (ctx.path.startsWith('/api/v1/billing/')) return tenantV1Routes(ctx);
  if (ctx.path.startsWith('/api/v1/admin/billing/')) return adminV1Routes(ctx);
  if (ctx.path === '/billing' || ctx.path.startsWith('/billing/')) return billingPageRoutes(ctx);
  return false;
}
