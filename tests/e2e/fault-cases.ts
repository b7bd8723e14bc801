/**
 * The fault suite's table: what the replica host is made to do wrong, to which endpoints, and
 * what a person must see then. tests/e2e/faults.spec.ts runs every case in real Chromium;
 * tests/tooling/reliability.ts (`npm run reliability`) reports on them by kind.
 *
 * Messages are the pt-BR catalog's (public/_locales/pt_BR/messages.json): the e2e browser's UI
 * language. Host state is `seed` (panel family mounted), signed in as `belgo_admin` (ADMIN).
 */
import type { Fault } from '../replica/faults';
import { panelInvoices, panelUsage } from '../replica/billing-data';

export type FaultKind = 'status' | 'timeout' | 'drop' | 'down' | 'html' | 'malformed' | 'empty' | 'shape' | 'volume' | 'slow';
export type EndpointGroup = 'usage' | 'invoices' | 'permissions' | 'tenants';

/** What the person sees while the fault is on. */
export type Outcome =
  /**
   * Usage failed: `billing-error` says `text` when nothing is cached; with good figures
   * cached, a refresh keeps them marked stale with `billing-refresh-error` saying `text`
   * (`cacheKept`), unless the host refused the person (401/403: the figures must go).
   * `recoverBy`: what brings the figures back once the fault is cleared.
   */
  | { show: 'error'; text: string; cacheKept: boolean; recoverBy: 'retry' | 'signIn'; detail?: string }
  /** The figures stay; the invoice list says why it is missing. */
  | { show: 'invoicesUnavailable'; text: string }
  /** The product works around the fault: the figures are shown (`rows` invoice rows). */
  | { show: 'figures'; note: string; rows?: number }
  /** The host refused the session: the Billing entry is not shown. */
  | { show: 'signedOut'; note: string };

export interface FaultCase {
  id: string;
  kind: FaultKind;
  group: EndpointGroup;
  /** What is injected, in a few words. */
  title: string;
  /** prefix (path + query) → fault. Empty for `down`, which closes the replica instead. */
  faults: Record<string, Fault>;
  expected: Outcome;
  /** A product bug: the case is written as it should behave and runs as `test.fixme`. */
  bug?: string;
}

// ------------------------------------------------------------------------ messages (pt-BR)

export const MSG = {
  signedOut: 'Sua sessão no Dashboard Agile terminou',
  noAccess: 'Seu perfil não tem acesso ao faturamento',
  notAvailable: 'Este servidor não oferece dados de faturamento',
  server: (status: number) =>
    // A 429 with Retry-After says how long to wait (ERROR_BODIES sends 30 s).
    status === 429 ? 'O servidor está sobrecarregado (erro 429): tente novamente em 30 s' : `O servidor respondeu com erro ${status}`,
  /** The parser's reason is behind "Detalhes" (the case's `detail`), not in the sentence. */
  bad: 'O servidor enviou uma resposta que a extensão não consegue ler',
  timeout: 'O servidor demorou demais para responder',
  offline: 'Sem conexão com o Dashboard Agile',
  invoicesNotAvailable: 'Faturas não disponíveis neste servidor',
  invoicesUnavailable: (reason: string) => `Faturas indisponíveis: ${reason}`,
  refreshFailed: (reason: string) => `Não foi possível atualizar: ${reason}`,
} as const;

/** The seed's figures for BELGO-001, as the modal formats them. */
export const GOOD_TOTAL = 'R$ 245,80';
export const GOOD_INVOICE_ROWS = 5;

// ------------------------------------------------------------------------------ endpoints

/** All three usage families: a fault on fewer is hidden by the fallback to another family. */
export const USAGE_ENDPOINTS = ['/api/billing/usage', '/api/v1/billing/current-usage', '/api/v1/admin/billing/usage'] as const;
export const INVOICES_ENDPOINT = '/api/billing/invoices';
export const PERMISSIONS_ENDPOINT = '/api/user/permissions';
export const TENANTS_ENDPOINT = '/api/user/tenants';

const GROUP_ENDPOINTS: Record<EndpointGroup, readonly string[]> = {
  usage: USAGE_ENDPOINTS,
  invoices: [INVOICES_ENDPOINT],
  permissions: [PERMISSIONS_ENDPOINT],
  tenants: [TENANTS_ENDPOINT],
};

/** The endpoints a case of `group` faults (the first one is asserted to be requested). */
export function endpointsOf(group: EndpointGroup): readonly string[] {
  return GROUP_ENDPOINTS[group];
}

// --------------------------------------------------------------------------------- bodies

const json = (value: unknown) => JSON.stringify(value);
const JSON_TYPE = 'application/json';

const LOGIN_PAGE =
  '<!doctype html><html><head><title>Login</title></head><body>' +
  '<form action="/login" method="post"><input name="username"><input name="password" type="password">' +
  '<button type="submit">Entrar</button></form></body></html>';

/** The panel usage body with one change; `raw` replaces the "__RAW__" marker unquoted. */
function usageBody(change: (body: Record<string, any>) => void, raw?: string): string {
  const body: Record<string, any> = structuredClone(panelUsage('BELGO-001', 'month'));
  change(body);
  const text = json(body);
  return raw === undefined ? text : text.replace('"__RAW__"', raw);
}

function invoicesBody(count: number, change?: (invoices: Record<string, any>[]) => void): string {
  const body = panelInvoices('BELGO-001', count) as { invoices: Record<string, any>[] };
  change?.(body.invoices);
  return json(body);
}

/** FastAPI-looking error bodies, as the host sends them. */
const ERROR_BODIES: Record<number, { body: string; headers?: Record<string, string> }> = {
  401: { body: json({ detail: 'Could not validate credentials', code: 'AUTH_INVALID' }) },
  403: { body: json({ detail: "Permission denied. Role 'ADMIN' cannot perform 'read' on 'billing'", code: 'PERMISSION_DENIED' }) },
  404: { body: json({ detail: 'Not Found' }) },
  422: { body: json({ detail: [{ loc: ['query', 'tenant_id'], msg: 'field required', type: 'value_error.missing' }] }) },
  429: { body: json({ detail: 'Too Many Requests' }), headers: { 'retry-after': '30' } },
  500: { body: 'Internal Server Error' },
  502: { body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>' },
};

function statusFault(status: number): Fault {
  const e = ERROR_BODIES[status]!;
  const contentType = e.body.startsWith('{') ? JSON_TYPE : e.body.startsWith('<') ? 'text/html' : 'text/plain';
  return { status, body: e.body, contentType, ...(e.headers && { headers: e.headers }) };
}

function on(group: EndpointGroup, fault: Fault): Record<string, Fault> {
  return Object.fromEntries(endpointsOf(group).map((prefix) => [prefix, fault]));
}

const STATUS_TITLE: Record<number, string> = {
  401: '401 Unauthorized',
  403: '403 Forbidden',
  404: '404 Not Found',
  422: '422 validation error',
  429: '429 Too Many Requests, Retry-After: 30',
  500: '500 Internal Server Error',
  502: '502 Bad Gateway (nginx HTML page)',
};
const STATUSES = [401, 403, 404, 422, 429, 500, 502] as const;

/** Faults that make a body unusable, shared by every group. */
const BAD_BODIES: { id: string; kind: FaultKind; title: string; fault: Fault; detail: string }[] = [
  { id: 'drop', kind: 'drop', title: 'connection dropped without an answer', fault: { drop: true }, detail: '' },
  { id: 'html', kind: 'html', title: '200 with the HTML login page', fault: { status: 200, contentType: 'text/html; charset=utf-8', body: LOGIN_PAGE }, detail: 'HTML instead of JSON' },
  { id: 'malformed', kind: 'malformed', title: '200 with truncated JSON', fault: { status: 200, contentType: JSON_TYPE, body: '{"period": "month", "cost": {"total": 245.8' }, detail: 'malformed JSON' },
  { id: 'empty', kind: 'empty', title: '200 with an empty body', fault: { status: 200, contentType: JSON_TYPE, body: '' }, detail: 'empty body' },
];

// ---------------------------------------------------------------------------------- cases

function usageCases(): FaultCase[] {
  const cases: FaultCase[] = [];
  for (const status of STATUSES) {
    const text = status === 401 ? MSG.signedOut : status === 403 ? MSG.noAccess : status === 404 ? MSG.notAvailable : MSG.server(status);
    cases.push({
      id: `usage-${status}`, kind: 'status', group: 'usage', title: STATUS_TITLE[status]!,
      faults: on('usage', statusFault(status)),
      // The host refusing the person (401, 403) withdraws the figures; anything else keeps them.
      expected: { show: 'error', text, cacheKept: status !== 401 && status !== 403, recoverBy: status === 401 ? 'signIn' : 'retry' },
    });
  }
  cases.push({
    id: 'usage-401-tenant', kind: 'status', group: 'usage', title: '401 "Tenant nao identificado" (family not wired)',
    faults: on('usage', { status: 401, contentType: JSON_TYPE, body: json({ detail: 'Tenant nao identificado' }) }),
    expected: { show: 'error', text: MSG.notAvailable, cacheKept: true, recoverBy: 'retry' },
  });
  for (const b of BAD_BODIES) {
    cases.push({
      id: `usage-${b.id}`, kind: b.kind, group: 'usage', title: b.title, faults: on('usage', b.fault),
      expected: b.kind === 'drop'
        ? { show: 'error', text: MSG.offline, cacheKept: true, recoverBy: 'retry' }
        : { show: 'error', text: MSG.bad, detail: b.detail, cacheKept: true, recoverBy: 'retry' },
    });
  }
  const shape = (id: string, kind: FaultKind, title: string, body: string, detail: string): FaultCase => ({
    id: `usage-${id}`, kind, group: 'usage', title,
    faults: on('usage', { status: 200, contentType: JSON_TYPE, body }),
    expected: { show: 'error', text: MSG.bad, detail, cacheKept: true, recoverBy: 'retry' },
  });
  cases.push(
    shape('nan', 'malformed', 'NaN in the JSON (not JSON)', usageBody((b) => (b.cost.total = '__RAW__'), 'NaN'), 'malformed JSON'),
    shape('missing', 'shape', 'cost object missing', usageBody((b) => delete b.cost), 'usage.cost: missing (expected object)'),
    shape('strings', 'shape', 'numbers sent as strings', usageBody((b) => (b.cost.total = '245.80')), 'usage.cost.total: expected number, got string'),
    shape('negative', 'shape', 'negative total cost', usageBody((b) => (b.cost.total = -245.8)), 'usage.cost.total: must be at least 0'),
    shape('infinity', 'shape', 'total cost 1e400 (parses to Infinity)', usageBody((b) => (b.cost.total = '__RAW__'), '1e400'), 'usage.cost.total: expected number, got Infinity'),
  );
  cases.push({
    id: 'usage-slow', kind: 'slow', group: 'usage', title: 'body trickles in over 2 s',
    faults: on('usage', { trickleMs: 2000 }),
    expected: { show: 'figures', note: 'figures arrive after the trickle' },
  });
  cases.push({
    id: 'usage-timeout', kind: 'timeout', group: 'usage', title: 'no answer for 11 s (timeout is 10 s)',
    faults: on('usage', { delayMs: 11_000 }),
    expected: { show: 'error', text: MSG.timeout, cacheKept: true, recoverBy: 'retry' },
  });
  cases.push({
    id: 'usage-down', kind: 'down', group: 'usage', title: 'host down (replica closed: connection refused)',
    faults: {},
    expected: { show: 'error', text: MSG.offline, cacheKept: true, recoverBy: 'retry' },
  });
  return cases;
}

function invoiceCases(): FaultCase[] {
  const cases: FaultCase[] = [];
  for (const status of STATUSES) {
    const reason = status === 401 ? MSG.signedOut : status === 403 ? MSG.noAccess : MSG.server(status);
    cases.push({
      id: `invoices-${status}`, kind: 'status', group: 'invoices', title: STATUS_TITLE[status]!,
      faults: on('invoices', statusFault(status)),
      expected: { show: 'invoicesUnavailable', text: status === 404 ? MSG.invoicesNotAvailable : MSG.invoicesUnavailable(reason) },
    });
  }
  for (const b of BAD_BODIES) {
    cases.push({
      id: `invoices-${b.id}`, kind: b.kind, group: 'invoices', title: b.title, faults: on('invoices', b.fault),
      expected: { show: 'invoicesUnavailable', text: MSG.invoicesUnavailable(b.kind === 'drop' ? MSG.offline : MSG.bad) },
    });
  }
  cases.push(
    {
      id: 'invoices-strings', kind: 'shape', group: 'invoices', title: 'invoice amount sent as a string',
      faults: on('invoices', { status: 200, contentType: JSON_TYPE, body: invoicesBody(5, (l) => (l[0]!.amount = '200.00')) }),
      expected: { show: 'invoicesUnavailable', text: MSG.invoicesUnavailable(MSG.bad) },
    },
    {
      id: 'invoices-missing', kind: 'shape', group: 'invoices', title: 'list under another key',
      faults: on('invoices', { status: 200, contentType: JSON_TYPE, body: json({ items: [] }) }),
      expected: { show: 'invoicesUnavailable', text: MSG.invoicesUnavailable(MSG.bad) },
    },
    {
      id: 'invoices-10000', kind: 'volume', group: 'invoices', title: '10 000 invoices (5.4 MB)',
      faults: on('invoices', { status: 200, contentType: JSON_TYPE, body: invoicesBody(10_000) }),
      expected: { show: 'figures', note: 'the modal renders the 5 most recent', rows: GOOD_INVOICE_ROWS },
    },
    {
      id: 'invoices-slow', kind: 'slow', group: 'invoices', title: 'body trickles in over 2 s',
      faults: on('invoices', { trickleMs: 2000 }),
      expected: { show: 'figures', note: 'invoices arrive after the trickle', rows: GOOD_INVOICE_ROWS },
    },
  );
  return cases;
}

/** Who-may-see and which-tenant lookups: the product falls back (to /me, the token, the page's tenant). */
function identityCases(group: 'permissions' | 'tenants'): FaultCase[] {
  const fallback = group === 'permissions' ? 'access from /api/v1/auth/me or the token: figures shown' : "the token's own tenant: figures shown";
  const cases: FaultCase[] = [];
  for (const status of STATUSES) {
    const refused = group === 'permissions' && status === 401;
    cases.push({
      id: `${group}-${status}`, kind: 'status', group, title: STATUS_TITLE[status]!,
      faults: on(group, statusFault(status)),
      expected: refused ? { show: 'signedOut', note: 'the host refused the token: no Billing entry' } : { show: 'figures', note: fallback },
    });
  }
  for (const b of BAD_BODIES) {
    cases.push({ id: `${group}-${b.id}`, kind: b.kind, group, title: b.title, faults: on(group, b.fault), expected: { show: 'figures', note: fallback } });
  }
  const shape = group === 'permissions' ? json({ success: true, authenticated: true }) : json({ success: true, tenants: 'BELGO-001', current: 42 });
  cases.push(
    {
      id: `${group}-shape`, kind: 'shape', group, title: group === 'permissions' ? 'role missing' : 'tenants not a list, current a number',
      faults: on(group, { status: 200, contentType: JSON_TYPE, body: shape }),
      expected: { show: 'figures', note: fallback },
    },
    { id: `${group}-slow`, kind: 'slow', group, title: 'body trickles in over 2 s', faults: on(group, { trickleMs: 2000 }), expected: { show: 'figures', note: 'answer arrives after the trickle: figures shown' } },
  );
  return cases;
}

export const FAULT_CASES: readonly FaultCase[] = [
  ...usageCases(),
  ...invoiceCases(),
  ...identityCases('permissions'),
  ...identityCases('tenants'),
];

/** What the person sees, in one line (the reliability report's column). */
export function seenText(c: FaultCase): string {
  const e = c.expected;
  switch (e.show) {
    case 'error':
      return e.cacheKept
        ? `"${e.text}"; cached figures kept, marked stale`
        : `"${e.text}"; cached figures withdrawn${e.recoverBy === 'signIn' ? ' until signed in again' : ''}`;
    case 'invoicesUnavailable':
      return `figures + "${e.text}"`;
    case 'figures':
      return e.note;
    case 'signedOut':
      return e.note;
  }
}

/** Step and test titles carry the case id in brackets: the report finds cases by it. */
export const caseTitle = (c: FaultCase) => `[${c.id}] ${c.title}`;
