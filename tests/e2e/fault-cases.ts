/**
 * The fault suite's table: what the replica host is made to do wrong, to which endpoints, and
 * what a person must see then. tests/e2e/faults.spec.ts runs every case in real Chromium;
 * tests/tooling/reliability.ts (`npm run reliability`) reports on them by kind.
 *
 * Messages are the pt-BR catalog's (public/_locales/pt_BR/messages.json): the e2e browser's UI
 * language. Host state is `fixed`, where the truest family (tenant v1) gives usage and invoices;
 * signed in as `belgo_admin` (ADMIN) with the legacy token, the one tenant v1 answers.
 */
import type { Fault } from '../replica/faults';
import { v1CurrentUsage, v1Invoices } from '../replica/billing-data';
import type { HostState } from '../replica/server';
import { REFUSED_TENANT_FAULTS, REFUSED_TENANT_ID } from '../replica/scale-tenants';

export type FaultKind =
  | 'status' | 'once' | 'wait' | 'timeout' | 'drop' | 'down' | 'redirect' | 'html' | 'malformed' | 'empty' | 'shape'
  | 'tenant' | 'volume' | 'slow';
export type EndpointGroup = 'usage' | 'invoices' | 'permissions' | 'tenants';

/** What the person sees while the fault is on. */
export type Outcome =
  /**
   * Usage failed: `billing-error` says `text` when nothing is cached; with good figures
   * cached, a refresh keeps them (and their invoices) marked stale with `billing-refresh-error`
   * saying `text` (`cacheKept`), unless the host refused the person (401/403: the figures must
   * go). `familyKept`: a hiccup, so no other family is asked. `recoverBy`: what brings the
   * figures back once the fault is cleared. `detail`: the parser's reason, behind "Detalhes".
   */
  | { show: 'error'; text: string; cacheKept: boolean; familyKept: boolean; recoverBy: 'retry' | 'signIn'; detail?: string }
  /** The figures stay; the invoice list says why it is missing. */
  | { show: 'invoicesUnavailable'; text: string }
  /**
   * The product works around the fault: the figures are shown (`rows` invoice rows, one of
   * them saying `rowText`; `unreadable`: the note on rows that could not be read).
   */
  | { show: 'figures'; note: string; rows?: number; rowText?: string; unreadable?: string }
  /** The host refused the session: the Billing entry is not shown. */
  | { show: 'signedOut'; note: string }
  /** A case with its own test in faults.spec.ts (it needs a clock or a second person). */
  | { show: 'own'; note: string };

export interface FaultCase {
  id: string;
  kind: FaultKind;
  group: EndpointGroup;
  /** What is injected, in a few words. */
  title: string;
  /**
   * prefix (path + query) → fault. Empty for `down`, which closes the replica instead.
   * `{{OTHER_ORIGIN}}` in a header stands for another origin's address, known at run time.
   */
  faults: Record<string, Fault>;
  expected: Outcome;
  /** A product bug: the case is written as it should behave and runs as `test.fixme`. */
  bug?: string;
}

export const FAULT_HOST_STATE: HostState = 'fixed';
export const OTHER_ORIGIN = '{{OTHER_ORIGIN}}';

// ------------------------------------------------------------------------ messages (pt-BR)

export const MSG = {
  signedOut: 'Sua sessão no Dashboard Agile terminou',
  noAccess: 'Seu perfil não tem acesso ao faturamento',
  notAvailable: 'Este servidor não oferece dados de faturamento',
  otherTenant: 'O servidor respondeu com dados de outro tenant: nada deles é mostrado',
  server: (status: number) => `O servidor respondeu com erro ${status}`,
  busy: (status: number, seconds: number) => `O servidor está sobrecarregado (erro ${status}): tente novamente em ${seconds} s`,
  /** The parser's reason is behind "Detalhes" (the case's `detail`), not in the sentence. */
  bad: 'O servidor enviou uma resposta que a extensão não consegue ler',
  tooLarge: 'A resposta do servidor passou de 2 MB e foi interrompida',
  redirected: 'O servidor nos enviou para outro endereço',
  timeout: 'O servidor demorou demais para responder',
  offline: 'Sem conexão com o Dashboard Agile',
  invoicesNotAvailable: 'Faturas não disponíveis neste servidor',
  invoicesUnavailable: (reason: string) => `Faturas indisponíveis: ${reason}`,
  invoicesUnreadable: (count: number) => (count === 1 ? '1 fatura não pôde ser lida' : `${count} faturas não puderam ser lidas`),
  refreshFailed: (reason: string) => `Não foi possível atualizar: ${reason}`,
} as const;

/** BELGO-001's real figures (tenant v1 on the fixed host), as the modal formats them. */
export const GOOD_TOTAL = 'R$ 27,02';
export const GOOD_INVOICE_ROWS = v1Invoices('BELGO-001').length;

// ------------------------------------------------------------------------------ endpoints

/** The family in use (tenant v1) first, then the others: a fault on fewer is hidden by the next one. */
export const USAGE_ENDPOINTS = ['/api/v1/billing/current-usage', '/api/v1/admin/billing/usage', '/api/billing/usage'] as const;
export const FAMILY_IN_USE = USAGE_ENDPOINTS[0];
export const INVOICES_ENDPOINT = '/api/v1/billing/invoices';
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

/** Tenant v1's usage body with one change; `raw` replaces the "__RAW__" marker unquoted. */
function usageBody(change: (body: Record<string, any>) => void, raw?: string): string {
  const body: Record<string, any> = structuredClone(v1CurrentUsage('BELGO-001', 'monthly'));
  change(body);
  const text = json(body);
  return raw === undefined ? text : text.replace('"__RAW__"', raw);
}

/** A tenant v1 invoice page of `count` rows (the host's own, repeated), with one change. */
function invoicesBody(count: number, change?: (invoices: Record<string, any>[]) => void): string {
  const own = v1Invoices('BELGO-001') as unknown as Record<string, any>[];
  const invoices = Array.from({ length: count }, (_, i) => ({ ...own[i % own.length]!, invoice_id: `INV-${i}`, invoice_number: `FAT-${i}` }));
  change?.(invoices);
  return json({ invoices, total: count, page: 1, limit: count });
}

/** A valid JSON usage body of 40 MB: far too big to be a billing answer. */
const HUGE_BODY = json({ ...v1CurrentUsage('BELGO-001', 'monthly'), padding: 'x'.repeat(40 * 1024 * 1024) });

/** FastAPI-looking error bodies, as the host sends them. */
const ERROR_BODIES: Record<number, { body: string; headers?: Record<string, string> }> = {
  401: { body: json({ detail: 'Could not validate credentials', code: 'AUTH_INVALID' }) },
  403: { body: json({ detail: "Permission denied. Role 'ADMIN' cannot perform 'read' on 'billing'", code: 'PERMISSION_DENIED' }) },
  404: { body: json({ detail: 'Not Found' }) },
  422: { body: json({ detail: [{ loc: ['query', 'tenant_id'], msg: 'field required', type: 'value_error.missing' }] }) },
  429: { body: json({ detail: 'Too Many Requests' }) },
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
  429: '429 Too Many Requests (no Retry-After)',
  500: '500 Internal Server Error',
  502: '502 Bad Gateway (nginx HTML page)',
};
const STATUSES = [401, 403, 404, 422, 429, 500, 502] as const;

/** Faults that make a body unusable, shared by every group. */
const BAD_BODIES: { id: string; kind: FaultKind; title: string; fault: Fault; detail: string }[] = [
  { id: 'drop', kind: 'drop', title: 'connection dropped without an answer', fault: { drop: true }, detail: '' },
  { id: 'html', kind: 'html', title: '200 with the HTML login page', fault: { status: 200, contentType: 'text/html; charset=utf-8', body: LOGIN_PAGE }, detail: 'HTML instead of JSON' },
  { id: 'malformed', kind: 'malformed', title: '200 with truncated JSON', fault: { status: 200, contentType: JSON_TYPE, body: '{"tenant_id": "BELGO-001", "costs": {"total_cents": 2702' }, detail: 'malformed JSON' },
  { id: 'empty', kind: 'empty', title: '200 with an empty body', fault: { status: 200, contentType: JSON_TYPE, body: '' }, detail: 'empty body' },
];

// ---------------------------------------------------------------------------------- cases

/** Usage failed: kept figures unless the host refused the person; the family kept on a hiccup. */
function usageError(text: string, options: { refused?: boolean; familyKept?: boolean; detail?: string } = {}): Outcome {
  const refused = options.refused ?? false;
  return {
    show: 'error', text, cacheKept: !refused, familyKept: options.familyKept ?? !refused,
    recoverBy: text === MSG.signedOut ? 'signIn' : 'retry',
    ...(options.detail ? { detail: options.detail } : {}),
  };
}

function usageCases(): FaultCase[] {
  const cases: FaultCase[] = [];
  for (const status of STATUSES) {
    const text = status === 401 ? MSG.signedOut : status === 403 ? MSG.noAccess : status === 404 ? MSG.notAvailable : MSG.server(status);
    cases.push({
      id: `usage-${status}`, kind: 'status', group: 'usage', title: STATUS_TITLE[status]!,
      faults: on('usage', statusFault(status)),
      // The host refusing the person (401, 403) withdraws the figures; a 403 or 404 on every
      // family drops each in turn; a 401 stops at once; anything else is a hiccup that keeps
      // the family.
      expected: usageError(text, { refused: status === 401 || status === 403, familyKept: status !== 403 && status !== 404 }),
    });
  }
  cases.push(
    {
      id: 'usage-401-tenant', kind: 'status', group: 'usage', title: '401 "Tenant nao identificado" (family not wired)',
      faults: on('usage', { status: 401, contentType: JSON_TYPE, body: json({ detail: 'Tenant nao identificado' }) }),
      expected: usageError(MSG.notAvailable, { familyKept: false }),
    },
    {
      id: 'usage-500-once', kind: 'once', group: 'usage', title: 'one 500 on the family in use, then well again',
      faults: { [FAMILY_IN_USE]: { ...statusFault(500), times: 1 } },
      expected: usageError(MSG.server(500)),
    },
    {
      id: 'usage-40mb', kind: 'volume', group: 'usage', title: '40 MB answer on the family in use (length declared)',
      faults: { [FAMILY_IN_USE]: { status: 200, contentType: JSON_TYPE, body: HUGE_BODY } },
      expected: usageError(MSG.tooLarge),
    },
    {
      id: 'usage-40mb-streamed', kind: 'volume', group: 'usage', title: '40 MB answer on the family in use (chunked, no length)',
      faults: { [FAMILY_IN_USE]: { status: 200, contentType: JSON_TYPE, body: HUGE_BODY, chunked: true } },
      expected: usageError(MSG.tooLarge),
    },
    {
      id: 'usage-429-retry-after', kind: 'wait', group: 'usage', title: '429 with Retry-After: 10 on the family in use',
      faults: { [FAMILY_IN_USE]: { ...statusFault(429), headers: { 'retry-after': '10' }, times: 1 } },
      expected: { show: 'own', note: '"…tente novamente em N s", counting down; nothing reaches the host until then, from any surface' },
    },
    {
      id: 'usage-redirect', kind: 'redirect', group: 'usage', title: '302 to another origin serving R$ 99.999,99',
      faults: on('usage', { status: 302, body: '', headers: { location: `${OTHER_ORIGIN}/api/v1/billing/current-usage` } }),
      expected: usageError(MSG.redirected),
    },
    {
      id: 'usage-other-tenant', kind: 'tenant', group: 'usage', title: "tenant v1 answers the token's tenant, not the one asked for",
      faults: {},
      expected: { show: 'own', note: `"${MSG.otherTenant}"; the other tenant's figures never shown` },
    },
  );
  for (const b of BAD_BODIES) {
    cases.push({
      id: `usage-${b.id}`, kind: b.kind, group: 'usage', title: b.title, faults: on('usage', b.fault),
      expected: b.kind === 'drop' ? usageError(MSG.offline) : usageError(MSG.bad, { detail: b.detail }),
    });
  }
  const shape = (id: string, kind: FaultKind, title: string, body: string, detail: string): FaultCase => ({
    id: `usage-${id}`, kind, group: 'usage', title,
    faults: on('usage', { status: 200, contentType: JSON_TYPE, body }),
    expected: usageError(MSG.bad, { detail }),
  });
  cases.push(
    shape('nan', 'malformed', 'NaN in the JSON (not JSON)', usageBody((b) => (b.costs.total_cents = '__RAW__'), 'NaN'), 'malformed JSON'),
    shape('missing', 'shape', 'costs object missing', usageBody((b) => delete b.costs), 'usage.costs: missing (expected object)'),
    shape('strings', 'shape', 'numbers sent as strings', usageBody((b) => (b.costs.total_cents = '2702')), 'usage.costs.total_cents: expected number, got string'),
    shape('negative', 'shape', 'negative total cost', usageBody((b) => (b.costs.total_cents = -2702)), 'usage.costs.total_cents: must be at least 0'),
    shape('infinity', 'shape', 'total cost 1e400 (parses to Infinity)', usageBody((b) => (b.costs.total_cents = '__RAW__'), '1e400'), 'usage.costs.total_cents: expected number, got Infinity'),
  );
  cases.push({
    id: 'usage-slow', kind: 'slow', group: 'usage', title: 'body trickles in over 2 s',
    faults: on('usage', { trickleMs: 2000 }),
    expected: { show: 'figures', note: 'figures arrive after the trickle' },
  });
  cases.push({
    id: 'usage-timeout', kind: 'timeout', group: 'usage', title: 'no answer for 11 s (timeout is 10 s)',
    faults: on('usage', { delayMs: 11_000 }),
    expected: usageError(MSG.timeout),
  });
  cases.push({
    id: 'usage-down', kind: 'down', group: 'usage', title: 'host down (replica closed: connection refused)',
    faults: {},
    expected: usageError(MSG.offline),
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
  const body = (change?: (invoices: Record<string, any>[]) => void, count = GOOD_INVOICE_ROWS): Fault => ({
    status: 200, contentType: JSON_TYPE, body: invoicesBody(count, change),
  });
  cases.push(
    {
      id: 'invoices-strings', kind: 'shape', group: 'invoices', title: 'one invoice amount sent as a string',
      faults: on('invoices', body((l) => (l[0]!.total_cents = '2837'))),
      expected: { show: 'figures', note: 'the other invoices listed, the unreadable one counted', rows: GOOD_INVOICE_ROWS - 1, unreadable: MSG.invoicesUnreadable(1) },
    },
    {
      id: 'invoices-credit-note', kind: 'shape', group: 'invoices', title: 'a credit note (negative amount)',
      faults: on('invoices', body((l) => (l[1]!.total_cents = -1351))),
      expected: { show: 'figures', note: 'listed with its minus, beside the others', rows: GOOD_INVOICE_ROWS, rowText: '-R$ 13,51' },
    },
    {
      id: 'invoices-all-unreadable', kind: 'shape', group: 'invoices', title: 'every amount sent as a string',
      faults: on('invoices', body((l) => l.forEach((inv) => (inv.total_cents = String(inv.total_cents))))),
      expected: { show: 'invoicesUnavailable', text: MSG.invoicesUnavailable(MSG.bad) },
    },
    {
      id: 'invoices-missing', kind: 'shape', group: 'invoices', title: 'list under another key',
      faults: on('invoices', { status: 200, contentType: JSON_TYPE, body: json({ items: [] }) }),
      expected: { show: 'invoicesUnavailable', text: MSG.invoicesUnavailable(MSG.bad) },
    },
    {
      id: 'invoices-other-tenant', kind: 'tenant', group: 'invoices', title: "a row naming another tenant",
      faults: on('invoices', body((l) => (l[2]!.tenant_id = 'TECH-001'))),
      expected: { show: 'invoicesUnavailable', text: MSG.invoicesUnavailable(MSG.otherTenant) },
    },
    {
      id: 'invoices-2000', kind: 'volume', group: 'invoices', title: '2 000 invoices (under the 2 MB cap)',
      faults: on('invoices', body(undefined, 2000)),
      expected: { show: 'figures', note: 'the modal renders the 5 most recent', rows: 5 },
    },
    {
      id: 'invoices-10000', kind: 'volume', group: 'invoices', title: '10 000 invoices (over the 2 MB cap)',
      faults: on('invoices', body(undefined, 10_000)),
      expected: { show: 'invoicesUnavailable', text: MSG.invoicesUnavailable(MSG.tooLarge) },
    },
    {
      id: 'invoices-slow', kind: 'slow', group: 'invoices', title: 'body trickles in over 2 s',
      faults: on('invoices', { trickleMs: 2000 }),
      expected: { show: 'figures', note: 'invoices arrive after the trickle', rows: GOOD_INVOICE_ROWS },
    },
  );
  return cases;
}

/** Who-may-see and which-tenant lookups: the product falls back (to /me, the token, the token's tenant). */
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

/**
 * One tenant among several that the host refuses (issue #24's overview): not in FAULT_CASES, the
 * fault suite asks for one tenant only; the overview's own test turns it on
 * (`for (const [prefix, fault] of Object.entries(TENANT_REFUSED_CASE.faults)) replica.faults.set(prefix, fault)`,
 * or `refuseTenant(replica.faults)` from tests/replica/scale-tenants.ts) with the person's other tenants beside it.
 */
export const TENANT_REFUSED_CASE: FaultCase & { tenantId: string } = {
  id: 'tenant-refused', kind: 'tenant', group: 'usage', tenantId: REFUSED_TENANT_ID,
  title: `403 NOT_MEMBER for ${REFUSED_TENANT_ID} alone, on admin v1 and the panel`,
  faults: { ...REFUSED_TENANT_FAULTS },
  expected: { show: 'own', note: `"${MSG.noAccess}" in that tenant's row; the other tenants' rows keep their figures` },
};

/** What the person sees, in one line (the reliability report's column). */
export function seenText(c: FaultCase): string {
  const e = c.expected;
  switch (e.show) {
    case 'error': {
      const kept = e.familyKept ? 'cached figures and invoices kept, marked stale; no other family asked' : 'cached figures kept, marked stale';
      return e.cacheKept
        ? `"${e.text}"; ${kept}`
        : `"${e.text}"; cached figures withdrawn${e.recoverBy === 'signIn' ? ' until signed in again' : ''}`;
    }
    case 'invoicesUnavailable':
      return `figures + "${e.text}"`;
    case 'figures':
      return e.unreadable ? `${e.note}: "${e.unreadable}"` : e.rowText ? `${e.note}: "${e.rowText}"` : e.note;
    case 'signedOut':
    case 'own':
      return e.note;
  }
}

/** Step and test titles carry the case id in brackets: the report finds cases by it. */
export const caseTitle = (c: FaultCase) => `[${c.id}] ${c.title}`;
