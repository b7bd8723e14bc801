// @vitest-environment node
/**
 * Bidi and control characters never leave the host's parsers in text meant for people: tenant
 * names (and so the badge and notification titles built from them), both families' invoice
 * fields, periods, dates, endpoints, roles, the signed-in person, and the paths a refused read
 * names. Ids stay exact: they are compared, never shown rewritten.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { badgeTitle } from '@/lib/background/badge/title';
import { normalizePanelInvoices, normalizePanelUsage, normalizeTimeline } from '@/lib/host/families/panel';
import { normalizeAdminV1Usage } from '@/lib/host/families/admin-v1';
import { normalizeTenantV1Invoices, tenantV1 } from '@/lib/host/families/tenant-v1';
import { decodeJwtClaims, parseAuthMe, parsePermissions, parseUserTenants } from '@/lib/host/identity';
import { detailOf, expectOk, sampleBody } from '@/tests/support/host-reads';
import { installI18nStub } from '@/tests/support/i18n-stub';
import { TENANT_V1_INVOICES_PAGE } from '@/tests/support/samples';
import { usage } from '@/tests/support/usage';

/** What may not reach the screen: controls, bidi marks, overrides, isolates, invisible format characters. */
const UNWANTED = /[\p{Cc}\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2028\u2029\uFEFF]/u;
/** A right-to-left override, isolates, a mark, a zero-width space, a BOM, a NUL, an ESC and a line break. */
const hostile = (text: string) => `\u202E${text}\u2067\u200F\u200B\uFEFF\u0000\u001B\r\n\u2069`;

describe('tenant names', () => {
  beforeEach(() => installI18nStub('pt_BR'));

  it('come out of the tenant list clean, and so does the badge title built from one', () => {
    const body = sampleBody('user-tenants.admin-legacy-token');
    body.tenants[0].name = hostile('Belgo Arames');
    const name = expectOk(parseUserTenants(body)).tenants[0]!.name;
    expect(name).toBe('Belgo Arames ');
    const title = badgeTitle({ tenantName: name, usage: usage(), simulated: false }, null, 'pt-BR');
    expect(title.split('\n')[0]).toBe('Billing e Usage — Belgo Arames ');
    expect(title.replace(/\n/g, '')).not.toMatch(UNWANTED);
  });

  it('the brand name clean when the name is missing; the id when nothing is left', () => {
    const body = sampleBody('user-tenants.admin-legacy-token');
    body.tenants[0].name = null;
    body.tenants[0].branding.display_name = hostile('Belgo');
    body.tenants.push({ tenant_id: 'TECH-001', name: '\u202E\u2066\u200B', branding: null });
    expect(expectOk(parseUserTenants(body)).tenants.map((t) => [t.id, t.name])).toEqual([
      ['BELGO-001', 'Belgo '],
      ['TECH-001', 'TECH-001'],
    ]);
  });

  it('an id is not rewritten into another one: an answer naming "BELGO-001" plus an override is not BELGO-001\'s', () => {
    const page = structuredClone(TENANT_V1_INVOICES_PAGE) as { invoices: Record<string, unknown>[] };
    for (const row of page.invoices) row.tenant_id = 'BELGO-001\u202E';
    const read = tenantV1.parts('https://dash.example', 'BELGO-001', new Date()).invoices!.read(page);
    expect(read).toEqual({ ok: false, error: { kind: 'otherTenant' } });
  });
});

describe('invoices', () => {
  it('tenant v1: number, period, status and dates clean; the status still understood', () => {
    const page = structuredClone(TENANT_V1_INVOICES_PAGE) as { invoices: Record<string, unknown>[] };
    Object.assign(page.invoices[0]!, {
      invoice_number: hostile('FAT-1'), period: hostile('2026-10'), status: '\u200EPAID\u202C',
      due_date: hostile('2026-11-10'), paid_at: hostile('2026-11-05'),
    });
    const inv = expectOk(normalizeTenantV1Invoices(page)).value.invoices[0]!;
    expect(inv).toMatchObject({ number: 'FAT-1 ', period: '2026-10 ', status: 'paid', rawStatus: 'PAID', dueDate: '2026-11-10 ', paidAt: '2026-11-05 ' });
  });

  it('panel: an invoice without a number shows its id clean', () => {
    const body = sampleBody('panel-invoices.admin');
    Object.assign(body.invoices[0], { invoice_id: hostile('INV-9'), invoice_number: null, period: hostile('Nov'), status: hostile('paid') });
    const inv = expectOk(normalizePanelInvoices(body)).invoices[0]!;
    expect([inv.number, inv.period, inv.rawStatus]).toEqual(['INV-9 ', 'Nov ', 'paid ']);
  });
});

describe('usage and what else the host names', () => {
  it('periods, dates and endpoints clean; endpoints that read the same are one row', () => {
    const body = sampleBody('panel-usage.admin');
    body.period = hostile('month');
    body.period_start = hostile('2026-11-01');
    body.api_calls.by_endpoint = { '/api/x': 2, '/api/x\u202E': 3, '\u0000others': 1 };
    const read = expectOk(normalizePanelUsage(body));
    expect([read.period, read.periodStart]).toEqual(['month ', '2026-11-01 ']);
    expect(read.callsByEndpoint).toEqual([{ endpoint: '/api/x', calls: 5 }, { endpoint: 'others', calls: 1 }]);
    const admin = sampleBody('v1-admin-usage.admin-v1-token');
    admin.month = `${admin.month}\u202E`;
    expect(expectOk(normalizeAdminV1Usage(admin)).value.period).toBe(admin.month.slice(0, -1));
    const timeline = sampleBody('panel-timeline.admin');
    timeline.timeline[0].date = hostile('2026-11-01');
    expect(expectOk(normalizeTimeline(timeline))[0]!.date).toBe('2026-11-01 ');
  });

  it('roles and the signed-in person clean; a refused read names no hostile key', () => {
    expect(expectOk(parsePermissions({ role: hostile('ADMIN'), permissions: { billing: ['read'] } })).role).toBe('ADMIN ');
    expect(expectOk(parseAuthMe({ role: '\u202EADMIN' })).role).toBe('ADMIN');
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    expect(decodeJwtClaims(`h.${enc({ sub: hostile('joão'), role: '\u2066ADMIN\u2069' })}.s`)).toEqual({ sub: 'joão ', role: 'ADMIN' });
    const body = sampleBody('panel-usage.admin');
    body.api_calls.by_endpoint = { '\u202E/api/x': 'many' };
    expect(detailOf(normalizePanelUsage(body))).not.toMatch(UNWANTED);
  });
});
