// The replica host: a local copy of "Dashboard Agile v6" as the real host behaves (docs/host.md).
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthInfo, Ctx, HostState } from './context.ts';
import { HOST_STATES } from './context.ts';
import { FaultTable, RequestLog, applyFault, authorizationDigest } from './faults.ts';
import type { Fault } from './faults.ts';
import { sendAuthRequired, sendHtml, sendJson, sendServerError, setContext } from './headers.ts';
import { signToken, verifyToken } from './jwt.ts';
import { findAccount } from './accounts.ts';
import type { Role } from './jwt.ts';
import { LoginRateLimiter, accountFor, authedUserRoutes, handleLogin } from './routes-auth.ts';
import { billingRoutes } from './routes-billing.ts';
import { pageRoutes } from './routes-page.ts';
import { withTenants } from './billing-data.ts';
import { SCALE_FIGURES } from './scale-tenants.ts';

export type { HostState } from './context.ts';
export type { Fault, RequestEntry } from './faults.ts';
export { FaultTable, RequestLog, tokenDigest } from './faults.ts';
export { signToken, verifyToken, decodeToken } from './jwt.ts';
export { ACCOUNTS, TENANTS, PROJECTS } from './accounts.ts';

export interface ReplicaOptions {
  /** 0 (default) = a free port */
  port?: number;
  /** default 'today' */
  state?: HostState;
  /** default true: 5 logins/min per endpoint and IP */
  loginRateLimit?: boolean;
  /** default false: the host with 50 tenants (./scale-tenants.ts) */
  scale?: boolean;
}

export interface Replica {
  /** http://localhost:PORT */
  origin: string;
  port: number;
  readonly state: HostState;
  setState(s: HostState): void;
  /** Scale mode (./scale-tenants.ts): kept across /__replica/reset, like the state. */
  readonly scale: boolean;
  setScale(on: boolean): void;
  faults: FaultTable;
  requests: RequestLog;
  /** the login limiter: `enabled` can be flipped, `reset()` forgets attempts */
  loginLimiter: LoginRateLimiter;
  close(): Promise<void>;
}

const PUBLIC_API = new Set(['/api/v1/auth/login', '/api/auth/login']);
/** Paths the host resolves through its tenant middleware: an ADMIN token without tenant crashes them (500). */
const TENANT_SCOPED = ['/api/projects', '/api/tenants', '/api/tenant/', '/api/billing/', '/api/stories', '/api/epics', '/api/sprints'];

function needsAuth(path: string): boolean {
  if (PUBLIC_API.has(path)) return false;
  return path.startsWith('/api/') || path === '/api' || path === '/billing' || path.startsWith('/billing/');
}

function authenticate(req: IncomingMessage): AuthInfo | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (!m) return null;
  const claims = verifyToken(m[1]!);
  if (!claims) return null;
  const kind = 'tenant_ids' in claims || 'user_id' in claims || 'tenant_id' in claims ? 'legacy' : 'v1';
  const tenantClaim = typeof claims.tenant_id === 'string' ? claims.tenant_id : null;
  const tenantIds = Array.isArray(claims.tenant_ids)
    ? claims.tenant_ids.filter((x): x is string => typeof x === 'string')
    : tenantClaim ? [tenantClaim] : [];
  const role = claims.role as Role;
  return { claims, account: accountFor(claims.sub, role, tenantIds), role, kind, tenantClaim, tenantIds };
}

/** Mint a token for a seeded account the way a login would. */
export function tokenFor(username: string, kind: 'v1' | 'legacy', ttlSeconds?: number): string {
  const acc = findAccount(username);
  if (!acc) throw new Error(`unknown account ${username}`);
  return kind === 'v1'
    ? signToken({ sub: acc.username, role: acc.role, force_password_change: acc.force_password_change, kid: 'env_key' }, ttlSeconds)
    : signToken({ sub: acc.username, role: acc.role, user_id: acc.id, tenant_id: acc.tenants[0] ?? null, tenant_ids: acc.tenants }, ttlSeconds);
}

function signinPage(username: string, kind: 'v1' | 'legacy', next: string): string | null {
  const acc = findAccount(username);
  if (!acc) return null;
  const data = {
    auth_token: tokenFor(username, kind),
    user_data: JSON.stringify({ id: acc.id, username: acc.username, email: acc.email, role: acc.role }),
    // As the host's login page: with a v1 token /api/user/tenants lists nothing, so it writes
    // BELGO-001 for everyone, whatever their tenant (no evidence of membership).
    current_tenant: kind === 'v1' ? 'BELGO-001' : (acc.tenants[0] ?? 'BELGO-001'),
  };
  const target = next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return `<!DOCTYPE html><meta charset="utf-8"><title>signin</title><script>
var d = ${JSON.stringify(data).replace(/</g, '\\u003c')};
for (var k in d) localStorage.setItem(k, d[k]);
location.replace(${JSON.stringify(target)});
</script>`;
}

function readBodyOnce(req: IncomingMessage): () => Promise<unknown> {
  let p: Promise<unknown> | undefined;
  return () =>
    (p ??= new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 1_000_000) chunks.push(c);
      });
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (!text) return resolve(null);
        try {
          resolve(JSON.parse(text));
        } catch {
          // form posts: username=..&password=..
          resolve(Object.fromEntries(new URLSearchParams(text)));
        }
      });
      req.on('error', () => resolve(null));
    }));
}

export async function startReplica(opts: ReplicaOptions = {}): Promise<Replica> {
  let state: HostState = opts.state ?? 'today';
  let scale = opts.scale ?? false;
  const faults = new FaultTable();
  const requests = new RequestLog();
  const limiter = new LoginRateLimiter();
  limiter.enabled = opts.loginRateLimit ?? true;
  const apiHits = new Map<string, { minute: number; n: number }>();

  function apiRate(ip: string): { limit: number; remaining: number } {
    const minute = Math.floor(Date.now() / 60000);
    const e = apiHits.get(ip);
    const cur = e && e.minute === minute ? e : { minute, n: 0 };
    cur.n += 1;
    apiHits.set(ip, cur);
    return { limit: 1000, remaining: Math.max(0, 1000 - cur.n) };
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL, readBody: () => Promise<unknown>): Promise<void> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === '/__replica/faults') {
      if (method === 'GET') return sendJson(res, 200, { faults: faults.list() });
      if (method === 'DELETE') {
        const prefix = url.searchParams.get('prefix');
        if (prefix) faults.delete(prefix);
        else faults.clear();
        return sendJson(res, 200, { ok: true, faults: faults.list() });
      }
      if (method === 'POST') {
        const b = (await readBody()) as { prefix?: unknown; fault?: unknown } | null;
        if (!b || typeof b.prefix !== 'string' || !b.fault || typeof b.fault !== 'object') return sendJson(res, 400, { detail: 'expected {prefix, fault}' });
        faults.set(b.prefix, b.fault as Fault);
        return sendJson(res, 200, { ok: true, faults: faults.list() });
      }
    }
    if (path === '/__replica/state') {
      if (method === 'GET') return sendJson(res, 200, { state });
      if (method === 'POST') {
        const b = (await readBody()) as { state?: unknown } | null;
        if (!b || !HOST_STATES.includes(b.state as HostState)) return sendJson(res, 400, { detail: `state must be one of ${HOST_STATES.join(', ')}` });
        state = b.state as HostState;
        return sendJson(res, 200, { ok: true, state });
      }
    }
    if (path === '/__replica/scale') {
      if (method === 'GET') return sendJson(res, 200, { scale });
      if (method === 'POST') {
        const b = (await readBody()) as { enabled?: unknown } | null;
        if (typeof b?.enabled !== 'boolean') return sendJson(res, 400, { detail: 'expected {enabled: boolean}' });
        scale = b.enabled;
        return sendJson(res, 200, { ok: true, scale });
      }
    }
    if (path === '/__replica/requests') {
      if (method === 'GET') {
        const prefix = url.searchParams.get('prefix') ?? '';
        const list = requests.list().filter((e) => e.path.startsWith(prefix));
        return sendJson(res, 200, { requests: list, count: list.length });
      }
      if (method === 'DELETE') {
        requests.clear();
        return sendJson(res, 200, { ok: true });
      }
    }
    if (path === '/__replica/reset' && method === 'POST') {
      faults.clear();
      requests.clear();
      limiter.reset();
      return sendJson(res, 200, { ok: true, state });
    }
    if (path === '/__replica/signin' && method === 'GET') {
      // Test/demo helper: sign a seeded account in without the login form (no rate limit).
      const html = signinPage(url.searchParams.get('username') ?? 'belgo_admin', url.searchParams.get('kind') === 'legacy' ? 'legacy' : 'v1', url.searchParams.get('next') ?? '/');
      if (!html) return sendJson(res, 404, { detail: 'unknown account' });
      return sendHtml(res, 200, html);
    }
    if (path === '/__replica/login-rate-limit' && method === 'POST') {
      const b = (await readBody()) as { enabled?: unknown; reset?: unknown } | null;
      if (typeof b?.enabled === 'boolean') limiter.enabled = b.enabled;
      if (b?.reset) limiter.reset();
      return sendJson(res, 200, { ok: true, enabled: limiter.enabled });
    }
    sendJson(res, 404, { detail: 'Not Found' });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const readBody = readBodyOnce(req);
    if (path.startsWith('/__replica/')) return control(req, res, url, readBody);

    const fetchSite = req.headers['sec-fetch-site'];
    requests.add({
      method, path, url: path + url.search, time: new Date().toISOString(),
      authorization: Boolean(req.headers.authorization), tokenDigest: authorizationDigest(req.headers.authorization),
      fetchSite: typeof fetchSite === 'string' ? fetchSite : null,
    });

    // Matched on path and query, so a fault can target one tenant (`/api/billing/usage?tenant_id=X`).
    const fault = faults.take(path + url.search);
    if (fault && (await applyFault(res, fault))) return;

    const ctx: Ctx = {
      req, res, method, path, query: url.searchParams, ip: req.socket.remoteAddress ?? '?', state, scale,
      auth: null, tenantContext: null, headerTenant: null, readBody,
    };

    if (method === 'POST' && path === '/api/v1/auth/login') return handleLogin(ctx, 'v1', limiter);
    if (method === 'POST' && path === '/api/auth/login') return handleLogin(ctx, 'legacy', limiter);

    if (!needsAuth(path)) {
      if (await pageRoutes(ctx)) return;
      return sendJson(res, 404, { detail: 'Not Found' });
    }

    setContext(res, { rateLimit: apiRate(ctx.ip) });
    const auth = authenticate(req);
    if (!auth) return sendAuthRequired(res);
    ctx.auth = auth;

    // Tenant middleware: X-Tenant-ID must be one of the token's memberships (SUPER_ADMIN: any).
    const xt = req.headers['x-tenant-id'];
    const xTenant = typeof xt === 'string' && xt ? xt : null;
    if (xTenant) {
      setContext(res, { tenantHeaderSecurity: true });
      if (auth.role !== 'SUPER_ADMIN' && !auth.tenantIds.includes(xTenant)) {
        return sendJson(res, 403, { detail: 'User does not belong to this tenant', code: 'NOT_MEMBER' }, { headers: { 'x-error-code': 'NOT_MEMBER' } });
      }
      ctx.headerTenant = xTenant;
    }
    const sw = req.headers['x-switch-tenant-id'];
    ctx.tenantContext = (typeof sw === 'string' && sw) || ctx.headerTenant || auth.tenantClaim;
    setContext(res, { tenantId: ctx.tenantContext });

    // Host bug: a non-SUPER_ADMIN token without tenant context crashes the tenant-scoped legacy paths.
    if (!ctx.tenantContext && auth.role !== 'SUPER_ADMIN' && TENANT_SCOPED.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`))) {
      return sendServerError(res);
    }

    if (await (scale ? withTenants(SCALE_FIGURES, () => billingRoutes(ctx)) : billingRoutes(ctx))) return;
    if (authedUserRoutes(ctx)) return;
    sendJson(res, 404, { detail: 'Not Found' });
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[replica] handler error', err);
      if (!res.headersSent) sendServerError(res);
      else res.destroy();
    });
  };

  const servers: Server[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const listen = (host: string, port: number) =>
    new Promise<Server>((resolve, reject) => {
      const s = createServer(onRequest);
      s.on('connection', (sock) => {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
      });
      s.once('error', reject);
      s.listen({ host, port }, () => {
        s.off('error', reject);
        resolve(s);
      });
    });

  const main = await listen('127.0.0.1', opts.port ?? 0);
  servers.push(main);
  const port = (main.address() as AddressInfo).port;
  // `localhost` may resolve to ::1 first; answer there too when IPv6 loopback exists.
  try {
    servers.push(await listen('::1', port));
  } catch {
    /* no IPv6 loopback: 127.0.0.1 only */
  }

  return {
    origin: `http://localhost:${port}`,
    port,
    get state() {
      return state;
    },
    setState(s: HostState) {
      if (!HOST_STATES.includes(s)) throw new Error(`unknown state ${String(s)}`);
      state = s;
    },
    get scale() {
      return scale;
    },
    setScale(on: boolean) {
      scale = on;
    },
    faults,
    requests,
    loginLimiter: limiter,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}
