// @vitest-environment node
/**
 * The tenant v1 family's parsers (/api/v1/billing/*: current usage with its limits, the month's
 * breakdown, invoices in cents): the recorded answers, the documented invoice page, and junk.
 */
import { describe, expect, it } from 'vitest';
import {
  normalizeTenantV1Breakdown,
  normalizeTenantV1Invoices,
  normalizeTenantV1Usage,
} from '@/lib/host/families/tenant-v1';
import { normalizeAdminV1Usage } from '@/lib/host/families/admin-v1';
import { normalizePanelInvoices } from '@/lib/host/families/panel';
import { describeNeverThrows, detailOf, expectOk, sampleBody } from '@/tests/support/host-reads';
import { TENANT_V1_INVOICES_PAGE, loadSample } from '@/tests/support/samples';

describe('tenant v1 current usage (once the host resolves the tenant)', () => {
  it.each([
    ['v1-current-usage.if-tenant-resolved', '2026-11'],
    ['v1-current-usage-daily.if-tenant-resolved', '2026-11-25'],
  ])('%s → 2702 cents', (name, period) => {
    const { value: usage, tenants } = expectOk(normalizeTenantV1Usage(loadSample(name).body));
    expect(tenants).toEqual(['BELGO-001']);
    expect(usage.total).toEqual({ cents: 2702, currency: 'BRL' });
    expect(usage.period).toBe(period);
    expect(usage.split.llm.cents).toBe(1574);
    expect(usage.metrics.storageMb).toBe(1250);
    expect(usage.metrics.computeMinutes).toBe(120);
  });

  it('reads the quotas from `limits`, measured by the same answer', () => {
    const { value: usage } = expectOk(normalizeTenantV1Usage(loadSample('v1-current-usage.if-tenant-resolved').body));
    expect(usage.month).toBe('2026-11');
    expect(usage.quotas).toEqual({
      api: { used: 120, included: 10000 },
      llm: { used: 1050000, included: 100000 },
      storage: { used: 1250, included: 10240 },
      compute: { used: 120, included: 600 },
    });
    const body = loadSample('v1-current-usage.if-tenant-resolved').body as Record<string, unknown>;
    const noPlan = expectOk(normalizeTenantV1Usage({ ...body, limits: null })).value;
    expect(noPlan.quotas).toEqual({ api: null, llm: null, storage: null, compute: null });
    expect(noPlan.total.cents).toBe(2702);
  });

  it('usage-breakdown?month → the same month as admin v1 reads it', () => {
    const { value: month, tenants } = expectOk(normalizeTenantV1Breakdown(loadSample('v1-usage-breakdown.if-tenant-resolved').body));
    const { value: admin } = expectOk(normalizeAdminV1Usage(loadSample('v1-admin-usage.admin-v1-token').body));
    expect(tenants).toEqual(['BELGO-001']);
    expect(month).toEqual(admin);
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

describeNeverThrows([
  ['normalizeTenantV1Usage', normalizeTenantV1Usage],
  ['normalizeTenantV1Invoices', normalizeTenantV1Invoices],
]);

describe('loose shapes the host sends', () => {
  it('v1 usage with limits null still reads', () => {
    const body = sampleBody('v1-current-usage.if-tenant-resolved');
    body.limits = null;
    expect(normalizeTenantV1Usage(body).ok).toBe(true);
  });
});
