/**
 * A small fake dashboard host for the background tests: `fetch` routed by URL path prefix to
 * recorded samples (or handlers), recording every request so tests can count them and check
 * their headers. Install it with `vi.stubGlobal('fetch', host.fetch)`.
 */
import { loadSample } from './samples';

export const ORIGIN = 'http://localhost:9001';

export interface Reply {
  status: number;
  /** A string is sent as is; anything else as JSON. */
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /** The URL the response says it came from (a followed redirect); the request's by default. */
  url?: string;
}

export interface RecordedRequest {
  url: string;
  /** Path plus query, e.g. "/api/billing/usage?tenant_id=BELGO-001&period=month". */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  redirect: RequestRedirect | undefined;
  method: string;
}

/**
 * What a route does: answer, refuse the connection (fetch's TypeError), hang until aborted,
 * or answer once `gate` resolves (still honouring an abort while waiting).
 */
export type Route =
  | Reply
  | { refuse: true }
  | { hang: true }
  | { gate: Promise<unknown>; then: Route }
  | ((request: RecordedRequest) => Route);

/** A promise with its resolve function, to hold a response until the test lets it go. */
/** Polls `check` on real timers (vi.waitFor would advance a faked Date) until it stops throwing. */
export async function until(check: () => unknown, timeoutMs = 2000): Promise<void> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (performance.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A recorded sample as a route: its status, body and content type. */
export function sample(name: string): Reply {
  const s = loadSample(name);
  return { status: s.status, body: s.body, contentType: s.content_type };
}

export const json = (status: number, body: unknown): Reply => ({ status, body, contentType: 'application/json' });

export const AUTH_REQUIRED: Reply = json(401, {
  detail: 'Authentication required. Provide Authorization header with valid JWT.',
  code: 'AUTH_REQUIRED',
});
export const TENANT_NOT_RESOLVED: Reply = json(401, { detail: 'Tenant nao identificado' });
export const NOT_FOUND: Reply = json(404, { detail: 'Not Found' });
export const SERVER_ERROR: Reply = { status: 500, body: 'Internal Server Error', contentType: 'text/plain; charset=utf-8' };
export const FORBIDDEN: Reply = json(403, { detail: 'Acesso negado. Requer role ADMIN.' });

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function whenAborted(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(abortError(signal));
    else signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
  });
}

export interface FakeHost {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  requests: RecordedRequest[];
  /** Adds or replaces the route for a path prefix (the longest matching prefix wins). */
  route: (prefix: string, route: Route) => void;
  /** Replaces the whole table (e.g. `{ '/api/': SERVER_ERROR }`: everything fails). */
  setRoutes: (routes: Record<string, Route>) => void;
  /** Requests whose path starts with the prefix. */
  count: (prefix: string) => number;
  urls: () => string[];
  clear: () => void;
}

export function createFakeHost(routes: Record<string, Route> = {}): FakeHost {
  const table = new Map<string, Route>(Object.entries(routes));
  const requests: RecordedRequest[] = [];

  async function resolveRoute(route: Route, request: RecordedRequest, signal: AbortSignal | null | undefined): Promise<Response> {
    if (typeof route === 'function') return resolveRoute(route(request), request, signal);
    if ('refuse' in route) throw new TypeError('fetch failed');
    if ('hang' in route) return whenAborted(signal);
    if ('gate' in route) {
      await Promise.race([route.gate, whenAborted(signal)]);
      return resolveRoute(route.then, request, signal);
    }
    const text = typeof route.body === 'string' ? route.body : JSON.stringify(route.body);
    const contentType = route.contentType ?? 'application/json';
    const nullBody = route.status === 204 || (route.status >= 300 && route.status < 400);
    const response = new Response(nullBody ? null : text, { status: route.status, headers: { ...route.headers, 'content-type': contentType } });
    if (route.url) Object.defineProperty(response, 'url', { value: route.url });
    return response;
  }

  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const parsed = new URL(url);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const request: RecordedRequest = {
      url,
      path: parsed.pathname + parsed.search,
      headers,
      credentials: init?.credentials,
      redirect: init?.redirect,
      method: init?.method ?? 'GET',
    };
    // A request aborted before it starts never reaches a real network: nothing to record.
    const signal = init?.signal;
    if (signal?.aborted) throw abortError(signal);
    requests.push(request);
    let best: string | null = null;
    for (const prefix of table.keys()) {
      if (request.path.startsWith(prefix) && (best === null || prefix.length > best.length)) best = prefix;
    }
    const route = best === null ? NOT_FOUND : table.get(best)!;
    return resolveRoute(route, request, signal);
  };

  return {
    fetch: fakeFetch,
    requests,
    route: (prefix, route) => {
      table.set(prefix, route);
    },
    setRoutes: (routes) => {
      table.clear();
      for (const [prefix, route] of Object.entries(routes)) table.set(prefix, route);
    },
    count: (prefix) => requests.filter((r) => r.path.startsWith(prefix)).length,
    urls: () => requests.map((r) => r.url),
    clear: () => {
      requests.length = 0;
    },
  };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

let tokenCounter = 0;

export interface TestClaims {
  sub?: string;
  /** `null` leaves the claim out. */
  role?: string | null;
  /** Seconds since the epoch; defaults to one hour from now. */
  exp?: number;
  tenant_id?: string;
}

/**
 * An unsigned JWT-shaped token `header.payload.sig`. Every call returns a different token (the
 * signature part counts up), so module-level caches keyed by token never leak between tests.
 */
export function mintJwt(claims: TestClaims = {}): string {
  tokenCounter += 1;
  const payload = {
    sub: claims.sub ?? 'belgo_admin',
    ...(claims.role === null ? {} : { role: claims.role ?? 'ADMIN' }),
    exp: claims.exp ?? Math.floor(Date.now() / 1000) + 3600,
    ...(claims.tenant_id ? { tenant_id: claims.tenant_id } : {}),
  };
  return `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}.sig${tokenCounter}`;
}

/** Admin v1 usage as the host answers it: the sample's figures, under the tenant in the path, for the month asked. */
export const adminUsageRoute = (request: RecordedRequest): Reply => {
  const tenantId = decodeURIComponent(/\/usage\/([^/?]+)/.exec(request.path)?.[1] ?? '');
  const recorded = sample('v1-admin-usage.admin-v1-token');
  const body = recorded.body as { month: string; summary: Record<string, unknown> };
  const month = new URL(request.url).searchParams.get('month') ?? body.month;
  return { ...recorded, body: { ...body, tenant_id: tenantId, month, summary: { ...body.summary, period: month } } };
};

/** The host as it is today (docs/host.md §4): panel 404, tenant v1 401 "Tenant nao identificado", admin v1 works. */
export function todayRoutes(): Record<string, Route> {
  return {
    '/api/billing/': NOT_FOUND,
    '/api/v1/billing/': TENANT_NOT_RESOLVED,
    '/api/v1/admin/billing/usage/': adminUsageRoute,
  };
}

/** The host with the seed's Change 1 (panel family mounted), legacy token. */
export function seedRoutes(): Record<string, Route> {
  return {
    '/api/billing/usage': sample('panel-usage.admin'),
    '/api/billing/invoices': sample('panel-invoices.admin'),
    '/api/billing/projections': sample('panel-projections.admin'),
    '/api/billing/timeline': sample('panel-timeline.admin'),
    '/api/v1/billing/': TENANT_NOT_RESOLVED,
    '/api/v1/admin/billing/usage/': adminUsageRoute,
  };
}
