// @vitest-environment node
/** Changed, broken and hostile host answers: normalisers fail with a path, never throw. */
import { describe, expect, it } from 'vitest';
import {
  HOST_CURRENCY,
  decodeJwtClaims,
  normalizeAdminV1Usage,
  normalizePanelInvoices,
  normalizePanelUsage,
  normalizeProjections,
  normalizeStatus,
  normalizeTenantV1Invoices,
  normalizeTenantV1Usage,
  normalizeTimeline,
  parseAuthMe,
  parsePermissions,
  parseUserTenants,
  roleCanSeeBilling,
  type Read,
} from '@/lib/host/normalize';
import { TENANT_V1_INVOICES_PAGE, loadSample } from '@/tests/support/samples';

const clone = <T>(value: T): T => structuredClone(value);
const panelUsage = () => clone(loadSample('panel-usage.admin').body) as Record<string, any>;
const adminUsage = () => clone(loadSample('v1-admin-usage.admin-v1-token').body) as Record<string, any>;
const panelInvoices = () => clone(loadSample('panel-invoices.admin').body) as Record<string, any>;

function detailOf(result: Read<unknown>): string {
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.kind).toBe('badResponse');
  return result.error.detail;
}

const ALL: [string, (json: unknown) => unknown][] = [
  ['normalizePanelUsage', normalizePanelUsage],
  ['normalizeTenantV1Usage', normalizeTenantV1Usage],
  ['normalizeAdminV1Usage', normalizeAdminV1Usage],
  ['normalizePanelInvoices', normalizePanelInvoices],
  ['normalizeTenantV1Invoices', normalizeTenantV1Invoices],
  ['normalizeProjections', normalizeProjections],
  ['normalizeTimeline', normalizeTimeline],
  ['parsePermissions', parsePermissions],
  ['parseAuthMe', parseAuthMe],
  ['parseUserTenants', parseUserTenants],
];

function deep(levels: number): unknown {
  let value: unknown = { x: 1 };
  for (let i = 0; i < levels; i += 1) value = { cost: value, invoices: [value], detail: [value] };
  return value;
}

const JUNK: unknown[] = [
  null,
  undefined,
  [],
  {},
  'x',
  42,
  true,
  NaN,
  [[[[]]]],
  { invoices: null },
  { invoices: [null] },
  { timeline: 'x' },
  { detail: null },
  { detail: [] },
  { detail: [{ msg: 5 }] },
  deep(200),
  Object.create(null),
  new Proxy({}, { get: () => { throw new Error('hostile getter'); } }),
];

describe('never throws', () => {
  it.each(ALL)('%s survives junk', (_name, fn) => {
    for (const junk of JUNK) expect(() => fn(junk)).not.toThrow();
  });

  it.each(ALL)('%s fails on junk', (_name, fn) => {
    for (const junk of JUNK) expect((fn(junk) as Read<unknown>).ok).toBe(false);
  });
});

describe('changed shapes name the path', () => {
  it('missing field', () => {
    const body = panelUsage();
    delete body.cost.total;
    expect(detailOf(normalizePanelUsage(body))).toBe('usage.cost.total: missing (expected number)');
  });

  it('string for a number', () => {
    const body = panelUsage();
    body.cost.total = '245.8';
    expect(detailOf(normalizePanelUsage(body))).toBe('usage.cost.total: expected number, got string');
  });

  it('negative amount', () => {
    const body = panelUsage();
    body.cost.compute = -1;
    expect(detailOf(normalizePanelUsage(body))).toMatch(/^usage\.cost\.compute: must be at least 0$/);
  });

  it('NaN and Infinity', () => {
    const body = panelUsage();
    body.cost.api_calls = NaN;
    expect(detailOf(normalizePanelUsage(body))).toBe('usage.cost.api_calls: expected number, got NaN');
    body.cost.api_calls = Infinity;
    expect(detailOf(normalizePanelUsage(body))).toMatch(/^usage\.cost\.api_calls: /);
  });

  it('1e300', () => {
    const body = panelUsage();
    body.cost.total = 1e300;
    expect(detailOf(normalizePanelUsage(body))).toBe('usage.cost.total: too large');
    const admin = adminUsage();
    admin.summary.costs.total_cents = 1e300;
    expect(detailOf(normalizeAdminV1Usage(admin))).toBe('usage.summary.costs.total_cents: too large');
  });

  it('fractional count and fractional cents', () => {
    const body = panelUsage();
    body.api_calls.total = 1.5;
    expect(detailOf(normalizePanelUsage(body))).toBe('usage.api_calls.total: expected integer, got number');
    const admin = adminUsage();
    admin.summary.costs.llm_cents = 15.74;
    expect(detailOf(normalizeAdminV1Usage(admin))).toBe(
      'usage.summary.costs.llm_cents: expected integer, got number',
    );
  });

  it('array index in the path, when no row at all can be read', () => {
    const body = panelInvoices();
    for (const inv of body.invoices) inv.amount = '276';
    expect(detailOf(normalizePanelInvoices(body))).toBe(
      'invoices.invoices[0].amount: expected number, got string',
    );
    for (const inv of body.invoices) inv.amount = 276;
    for (const inv of body.invoices) inv.invoice_id = 7;
    expect(detailOf(normalizePanelInvoices(body))).toBe(
      'invoices.invoices[0].invoice_id: expected string, got integer',
    );
  });

  it('one unreadable row is dropped and counted; the rest stay', () => {
    const body = panelInvoices();
    body.invoices[1].amount = '236.50';
    const result = normalizePanelInvoices(body);
    expect(result.ok && result.value.unreadable).toBe(1);
    expect(result.ok && result.value.invoices.map((i) => i.id)).toEqual(['INV-202611-BELGO-', 'INV-202609-BELGO-']);
    body.invoices[2].amount = 1e300;
    const two = normalizePanelInvoices(body);
    expect(two.ok && [two.value.unreadable, two.value.invoices.length]).toEqual([2, 1]);
  });

  it('a credit note (negative amount) is an invoice like any other', () => {
    const body = panelInvoices();
    body.invoices[0].amount = -50.25;
    const panel = normalizePanelInvoices(body);
    expect(panel.ok && panel.value.invoices[0]!.total).toEqual({ cents: -5025, currency: 'BRL' });
    expect(panel.ok && panel.value.unreadable).toBe(0);
    const page = structuredClone(TENANT_V1_INVOICES_PAGE);
    page.invoices[1]!.total_cents = -2702;
    const v1 = normalizeTenantV1Invoices(page);
    expect(v1.ok && v1.value.value.invoices[1]!.total).toEqual({ cents: -2702, currency: 'BRL' });
  });

  it('never echoes the value', () => {
    const body = panelUsage();
    body.cost.total = '<img src=x onerror=alert(1)>'.repeat(1000);
    const detail = detailOf(normalizePanelUsage(body));
    expect(detail).not.toContain('img');
    expect(detail.length).toBeLessThanOrEqual(200);
  });

  it('tolerates extra keys, nulls where the host is loose', () => {
    const body = panelUsage();
    body.extra = { anything: [1, 2] };
    body.period_start = null;
    delete body.period_end;
    const usage = normalizePanelUsage(body);
    expect(usage.ok && usage.value.periodStart).toBe(null);
    expect(usage.ok && usage.value.periodEnd).toBe(null);
  });

  it('v1 usage with limits null still reads', () => {
    const body = clone(loadSample('v1-current-usage.if-tenant-resolved').body) as Record<string, any>;
    body.limits = null;
    expect(normalizeTenantV1Usage(body).ok).toBe(true);
  });

  it('projections without next_month and budget', () => {
    const body = clone(loadSample('panel-projections.admin').body) as Record<string, any>;
    body.next_month = null;
    delete body.budget;
    const p = normalizeProjections(body);
    expect(p.ok && p.value.nextMonth).toBe(null);
    expect(p.ok && p.value.budget).toBe(null);
  });

  it('timeline point with a bad cost', () => {
    const body = clone(loadSample('panel-timeline.admin').body) as Record<string, any>;
    body.timeline[3].cost = -0.01;
    expect(detailOf(normalizeTimeline(body))).toBe('timeline.timeline[3].cost: must be at least 0');
  });
});

describe('strings from the host', () => {
  it('keeps hostile text as plain text, capped', () => {
    const body = panelInvoices();
    body.invoices[0].invoice_id = '<img src=x onerror=alert(1)>';
    body.invoices[0].period = 'p'.repeat(1_000_000);
    body.invoices[0].status = 'x'.repeat(1_000_000);
    const result = normalizePanelInvoices(body);
    if (!result.ok) throw new Error(result.error.detail);
    const first = result.value.invoices[0]!;
    expect(first.id).toBe('<img src=x onerror=alert(1)>');
    expect(first.number).toBe('<img src=x onerror=alert(1)>');
    expect(first.period.length).toBe(200);
    expect(first.period.endsWith('…')).toBe(true);
    expect(first.rawStatus.length).toBe(200);
    expect(first.status).toBe('other');
  });

  it('does not split a surrogate pair when capping', () => {
    const body = panelUsage();
    body.period = 'a'.repeat(198) + '😀'.repeat(10);
    const usage = normalizePanelUsage(body);
    if (!usage.ok) throw new Error(usage.error.detail);
    expect(usage.value.period).toBe('a'.repeat(198) + '…');
  });

  it('validates invoice currency, falling back to the host currency', () => {
    expect(HOST_CURRENCY).toBe('BRL');
    const body = panelInvoices();
    body.invoices[0].currency = 'usd';
    body.invoices[1].currency = 'R$';
    body.invoices[2].currency = null;
    const result = normalizePanelInvoices(body);
    expect(result.ok && result.value.invoices.map((i) => i.total.currency)).toEqual(['USD', 'BRL', 'BRL']);
  });

  it('drops badly formed brand colours', () => {
    const body = clone(loadSample('user-tenants.super-admin').body) as Record<string, any>;
    body.tenants[1].branding.primary_color = 'red;background:url(x)';
    body.tenants[2].branding = null;
    const t = parseUserTenants(body);
    expect(t.ok && t.value.tenants.map((x) => x.color)).toEqual([null, null, '#10B981']);
  });
});

describe('normalizeStatus', () => {
  it.each([
    ['paid', 'paid'], ['PAGO', 'paid'], [' settled ', 'paid'],
    ['pending', 'pending'], ['Open', 'pending'], ['pendente', 'pending'], ['issued', 'pending'],
    ['overdue', 'overdue'], ['past_due', 'overdue'], ['Vencida', 'overdue'], ['atrasada', 'overdue'],
    ['draft', 'draft'], ['rascunho', 'draft'],
    ['void', 'void'], ['cancelled', 'void'], ['canceled', 'void'], ['CANCELADA', 'void'],
    ['refunded', 'other'], ['', 'other'], ['__proto__', 'other'], ['constructor', 'other'],
    ['toString', 'other'],
  ] as const)('%j → %s', (raw, status) => {
    expect(normalizeStatus(raw)).toBe(status);
  });

  it('missing status → other with empty raw text', () => {
    const body = panelInvoices();
    delete body.invoices[0].status;
    const result = normalizePanelInvoices(body);
    expect(result.ok && result.value.invoices[0]).toMatchObject({ status: 'other', rawStatus: '' });
  });
});

describe('tenant v1 invoices (contract 4B; no 200 sample exists)', () => {
  const page = TENANT_V1_INVOICES_PAGE;

  it('reads cents, numbers, statuses, and the tenant every row names', () => {
    const result = normalizeTenantV1Invoices(page);
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value.tenants).toEqual(['BELGO-001', 'BELGO-001']);
    expect(result.value.value.unreadable).toBe(0);
    expect(result.value.value.invoices).toEqual([
      {
        id: 'INV-1',
        number: 'FAT-2026-0001',
        period: '2026-10',
        total: { cents: 2702, currency: 'BRL' },
        status: 'paid',
        rawStatus: 'PAID',
        dueDate: '2026-11-10',
        paidAt: null,
      },
      {
        id: 'INV-2',
        number: 'INV-2',
        period: '2026-11',
        total: { cents: 0, currency: 'BRL' },
        status: 'pending',
        rawStatus: 'open',
        dueDate: null,
        paidAt: null,
      },
    ]);
  });

  it('drops a row with float cents, and counts it', () => {
    const bad = structuredClone(page);
    bad.invoices[0]!.total_cents = 27.02;
    const result = normalizeTenantV1Invoices(bad);
    expect(result.ok && result.value.value.unreadable).toBe(1);
    expect(result.ok && result.value.value.invoices.map((i) => i.id)).toEqual(['INV-2']);
    bad.invoices[1]!.total_cents = 0.5;
    expect(detailOf(normalizeTenantV1Invoices(bad))).toBe(
      'invoices.invoices[0].total_cents: expected integer, got number',
    );
  });

  it('panel invoices are not read as v1 and vice versa', () => {
    expect(normalizeTenantV1Invoices(loadSample('panel-invoices.admin').body).ok).toBe(false);
    expect(normalizePanelInvoices(page).ok).toBe(false);
  });
});

describe('identity edges', () => {
  it('roleCanSeeBilling', () => {
    expect(roleCanSeeBilling('ADMIN')).toBe(true);
    expect(roleCanSeeBilling('SUPER_ADMIN')).toBe(true);
    expect(roleCanSeeBilling(' admin ')).toBe(true);
    expect(roleCanSeeBilling('DEVELOPER')).toBe(false);
    expect(roleCanSeeBilling('PROJECT_MANAGER')).toBe(false);
    expect(roleCanSeeBilling('')).toBe(false);
    expect(roleCanSeeBilling(null as unknown as string)).toBe(false);
  });

  it('permissions: manage counts, absent billing does not', () => {
    expect(parsePermissions({ role: 'SUPER_ADMIN', permissions: { billing: ['manage'] } })).toEqual({
      ok: true,
      value: { role: 'SUPER_ADMIN', canSeeBilling: true },
    });
    expect(parsePermissions({ role: 'X', permissions: null })).toEqual({
      ok: true,
      value: { role: 'X', canSeeBilling: false },
    });
    expect(parsePermissions({ role: 'X', permissions: { billing: ['write'] } })).toMatchObject({
      ok: true,
      value: { canSeeBilling: false },
    });
    expect(detailOf(parsePermissions({ role: 1 }))).toBe('permissions.role: expected string, got integer');
  });

  it('auth me without role fails', () => {
    expect(detailOf(parseAuthMe({ username: 'x', email: null }))).toBe(
      'authMe.role: missing (expected string)',
    );
  });

  it('platform entry is dropped even when it is current', () => {
    const t = parseUserTenants({
      tenants: [
        { tenant_id: '__platform__', name: 'Platform', is_platform: true, is_current: true },
        { tenant_id: 'T-1', name: null },
      ],
      current: '__platform__',
      can_switch: true,
    });
    expect(t).toEqual({
      ok: true,
      value: { tenants: [{ id: 'T-1', name: 'T-1', color: null }], current: null },
    });
  });

  it('decodeJwtClaims never throws', () => {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const cases: unknown[] = [
      '',
      'x',
      'a.b',
      'a.b.c',
      'a.!!!.c',
      `h.${enc([1, 2])}.s`,
      `h.${enc('str')}.s`,
      `h.${enc(null)}.s`,
      `h.${'A'.repeat(100_000)}.s`,
      null,
      42,
      {},
    ];
    for (const token of cases) {
      expect(() => decodeJwtClaims(token as string)).not.toThrow();
      expect(decodeJwtClaims(token as string)).toBeNull();
    }
  });

  it('decodeJwtClaims reads UTF-8, ignores wrongly typed claims, accepts "Bearer "', () => {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `h.${enc({ sub: 'joão', role: 5, exp: 'soon', tenant_ids: ['A', 3, 'B'] })}.s`;
    expect(decodeJwtClaims(token)).toEqual({ sub: 'joão', tenantIds: ['A', 'B'] });
    expect(decodeJwtClaims(`Bearer ${token}`)).toEqual({ sub: 'joão', tenantIds: ['A', 'B'] });
  });
});
