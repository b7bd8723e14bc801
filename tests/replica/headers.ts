// Response helpers and the host's security headers (copied from the samples' `headers`).
import type { ServerResponse } from 'node:http';

export const CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' https://unpkg.com https://cdn.tailwindcss.com https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' https://fonts.googleapis.com https://cdn.jsdelivr.net; img-src 'self' data: https: blob:; font-src 'self' data: https://fonts.gstatic.com; connect-src 'self' ws: wss: http: https:; media-src 'self' data: blob:; frame-src 'self' http://localhost:3000 http://localhost:8000; frame-ancestors 'none';";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'x-xss-protection': '1; mode=block',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'geolocation=(), microphone=(), camera=(), payment=()',
  'content-security-policy': CSP,
};

/**
 * What the host sends when the request carries X-Tenant-ID (its tenant middleware answers with
 * another security-header set: SAMEORIGIN, a looser CSP, no permissions-policy).
 */
export const TENANT_HEADER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
  'x-xss-protection': '1; mode=block',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'content-security-policy':
    "default-src 'self' 'unsafe-inline' 'unsafe-eval' https: data:; script-src 'self' 'unsafe-inline' 'unsafe-eval' https:; style-src 'self' 'unsafe-inline' https:; img-src 'self' data: https: blob:; font-src 'self' https:; connect-src 'self' https: wss:; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
};

export const JSON_CT = 'application/json';
export const HTML_CT = 'text/html; charset=utf-8';
export const TEXT_CT = 'text/plain; charset=utf-8';

export const AUTH_REQUIRED_BODY = {
  detail: 'Authentication required. Provide Authorization header with valid JWT.',
  code: 'AUTH_REQUIRED',
} as const;

/** Per-response context the router fills in (x-tenant-id, rate-limit figures). */
export interface ResponseContext {
  tenantId?: string | null;
  rateLimit?: { limit: number; remaining: number };
  /** request carried X-Tenant-ID: use TENANT_HEADER_SECURITY_HEADERS */
  tenantHeaderSecurity?: boolean;
}

export type SendOptions = {
  headers?: Record<string, string>;
  /** Uncaught host exceptions skip the security middleware: only content-type is sent. */
  bare?: boolean;
};

const ctxMap = new WeakMap<ServerResponse, ResponseContext>();
export function setContext(res: ServerResponse, ctx: ResponseContext): void {
  ctxMap.set(res, { ...(ctxMap.get(res) ?? {}), ...ctx });
}

export function buildHeaders(res: ServerResponse, contentType: string, opts: SendOptions = {}): Record<string, string> {
  if (opts.bare) return { 'content-type': contentType, ...(opts.headers ?? {}) };
  const ctx = ctxMap.get(res) ?? {};
  const h: Record<string, string> = { ...(opts.headers ?? {}), 'content-type': contentType };
  if (ctx.tenantId) h['x-tenant-id'] = ctx.tenantId;
  if (ctx.rateLimit) {
    h['x-ratelimit-limit'] = String(ctx.rateLimit.limit);
    h['x-ratelimit-remaining'] = String(ctx.rateLimit.remaining);
  }
  return { ...h, ...(ctx.tenantHeaderSecurity ? TENANT_HEADER_SECURITY_HEADERS : SECURITY_HEADERS) };
}

export function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string, opts: SendOptions = {}): void {
  if (res.headersSent || res.destroyed) return;
  const headers = buildHeaders(res, contentType, opts);
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  headers['content-length'] = String(buf.length);
  res.writeHead(status, headers);
  res.end(buf);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, opts: SendOptions = {}): void {
  send(res, status, JSON.stringify(body), JSON_CT, opts);
}

export function sendHtml(res: ServerResponse, status: number, html: string, opts: SendOptions = {}): void {
  send(res, status, html, HTML_CT, opts);
}

/** The host's unhandled-exception answer: 500 text/plain, no security headers. */
export function sendServerError(res: ServerResponse): void {
  send(res, 500, 'Internal Server Error', TEXT_CT, { bare: true });
}

export function sendAuthRequired(res: ServerResponse): void {
  sendJson(res, 401, AUTH_REQUIRED_BODY, { headers: { 'www-authenticate': 'Bearer' } });
}

export function permissionDenied(role: string, resource: string, action: string) {
  return {
    detail: `Permission denied. Role '${role}' cannot perform '${action}' on '${resource}'`,
    code: 'PERMISSION_DENIED',
    resource,
    action,
    required_permission: `${resource}:${action}`,
  };
}

export function sendPermissionDenied(res: ServerResponse, role: string, resource: string, action: string): void {
  sendJson(res, 403, permissionDenied(role, resource, action), { headers: { 'x-error-code': 'PERMISSION_DENIED' } });
}

/** Python-style naive ISO timestamp with microseconds: 2026-11-25T12:03:16.032560 */
export function pyIso(d: Date): string {
  return d.toISOString().replace('Z', '').replace(/\.(\d{3})$/, '.$1000');
}

/** "R$ 27.02" — the host formats with a dot. */
export function brl(cents: number): string {
  return `R$ ${(cents / 100).toFixed(2)}`;
}
