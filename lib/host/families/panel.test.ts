// @vitest-environment node
/**
 * The panel family's parsers (/api/billing/*: usage in reais over the last 30 days, invoices,
 * projections, timeline): the recorded answers with their exact figures, junk, and the loose
 * shapes the host sends.
 */
import { describe, expect, it } from 'vitest';
import {
  normalizePanelInvoices,
  normalizePanelUsage,
  normalizeProjections,
  normalizeTimeline,
} from '@/lib/host/families/panel';
import { normalizeAdminV1Usage } from '@/lib/host/families/admin-v1';
import { normalizeTenantV1Usage } from '@/lib/host/families/tenant-v1';
import { describeNeverThrows, expectOk, sampleBody } from '@/tests/support/host-reads';
import { loadSample } from '@/tests/support/samples';

describe('panel usage', () => {
  it.each(['panel-usage.admin', 'panel-usage.super-admin'])('%s → reais as cents', (name) => {
    const usage = expectOk(normalizePanelUsage(loadSample(name).body));
    expect(usage.total).toEqual({ cents: 24580, currency: 'BRL' });
    expect(usage.split.api.cents).toBe(4560);
    expect(usage.split.llm.cents).toBe(12250);
    expect(usage.split.storage.cents).toBe(2500);
    expect(usage.split.compute.cents).toBe(5270);
    expect(usage.metrics).toEqual({
      apiCalls: 15420,
      tokensTotal: 2450000,
      tokensIn: 1200000,
      tokensOut: 1250000,
      storageMb: 12800,
      computeMinutes: 9390,
    });
    expect(usage.period).toBe('month');
    expect(usage.periodStart).toMatch(/^2026-10-26T/);
    expect(usage.periodEnd).toMatch(/^2026-11-25T/);
    // The last 30 days, not a calendar month; no quotas; calls per endpoint, most called first.
    expect(usage.month).toBeNull();
    expect(usage.quotas).toEqual({ api: null, llm: null, storage: null, compute: null });
    expect(usage.callsByEndpoint).toEqual([
      { endpoint: 'stories', calls: 5200 },
      { endpoint: 'tasks', calls: 4100 },
      { endpoint: 'jobs', calls: 3200 },
      { endpoint: 'workers', calls: 2920 },
    ]);
  });

  it('is not mistaken for a v1 body', () => {
    const body = loadSample('panel-usage.admin').body;
    expect(normalizeAdminV1Usage(body).ok).toBe(false);
    expect(normalizeTenantV1Usage(body).ok).toBe(false);
  });
});

describe('panel invoices', () => {
  it('→ three invoices with exact totals', () => {
    const { invoices, unreadable } = expectOk(normalizePanelInvoices(loadSample('panel-invoices.admin').body));
    expect(unreadable).toBe(0);
    expect(invoices.map((i) => i.total.cents)).toEqual([20000, 23650, 27600]);
    expect(invoices.map((i) => i.total.currency)).toEqual(['BRL', 'BRL', 'BRL']);
    expect(invoices.map((i) => i.status)).toEqual(['pending', 'paid', 'paid']);
    expect(invoices.map((i) => i.rawStatus)).toEqual(['pending', 'paid', 'paid']);
    for (const invoice of invoices) expect(invoice.number).toBe(invoice.id);
    expect(invoices[0]).toEqual({
      id: 'INV-202611-BELGO-',
      number: 'INV-202611-BELGO-',
      period: 'November 2026',
      total: { cents: 20000, currency: 'BRL' },
      status: 'pending',
      rawStatus: 'pending',
      dueDate: '2026-12-10T12:03:16.032560',
      paidAt: null,
    });
    expect(invoices[1]?.paidAt).toBe('2026-11-05T12:03:16.032560');
  });
});

describe('panel projections and timeline', () => {
  it('projections → cents', () => {
    const p = expectOk(normalizeProjections(loadSample('panel-projections.admin').body));
    expect(p).toEqual({
      spent: { cents: 24580, currency: 'BRL' },
      projectedTotal: { cents: 24580, currency: 'BRL' },
      daysRemaining: 5,
      nextMonth: { cents: 27038, currency: 'BRL' },
      budget: { monthlyLimit: { cents: 50000, currency: 'BRL' }, usagePct: 49.2, alertThreshold: 80 },
    });
  });

  it('timeline → 4 points (days=3 answers days+1)', () => {
    const points = expectOk(normalizeTimeline(loadSample('panel-timeline.admin').body));
    expect(points).toHaveLength(4);
    expect(points.map((p) => p.date)).toEqual([
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    ]);
    expect(points.map((p) => p.cost.cents)).toEqual([1320, 1200, 1080, 960]);
    expect(points[0]).toEqual({
      date: '2026-11-22',
      apiCalls: 1050,
      tokens: 190000,
      cost: { cents: 1320, currency: 'BRL' },
    });
  });
});

describeNeverThrows([
  ['normalizePanelUsage', normalizePanelUsage],
  ['normalizePanelInvoices', normalizePanelInvoices],
  ['normalizeProjections', normalizeProjections],
  ['normalizeTimeline', normalizeTimeline],
]);

describe('loose shapes the host sends', () => {
  it('tolerates extra keys, nulls where the host is loose', () => {
    const body = sampleBody('panel-usage.admin');
    body.extra = { anything: [1, 2] };
    body.period_start = null;
    delete body.period_end;
    const usage = normalizePanelUsage(body);
    expect(usage.ok && usage.value.periodStart).toBe(null);
    expect(usage.ok && usage.value.periodEnd).toBe(null);
  });

  it('projections without next_month and budget', () => {
    const body = sampleBody('panel-projections.admin');
    body.next_month = null;
    delete body.budget;
    const p = normalizeProjections(body);
    expect(p.ok && p.value.nextMonth).toBe(null);
    expect(p.ok && p.value.budget).toBe(null);
  });
});
