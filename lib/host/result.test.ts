// @vitest-environment node
/**
 * What a refused read says: the path to the first thing wrong and what was wrong with it, never
 * the value itself; and host text kept as plain text, clipped without halving a character.
 * Shown through the parsers that use parseWith, as the host's changed shapes reach them.
 */
import { describe, expect, it } from 'vitest';
import { normalizePanelInvoices, normalizePanelUsage, normalizeTimeline } from '@/lib/host/families/panel';
import { normalizeAdminV1Usage } from '@/lib/host/families/admin-v1';
import { detailOf, sampleBody } from '@/tests/support/host-reads';

const panelUsage = () => sampleBody('panel-usage.admin');
const adminUsage = () => sampleBody('v1-admin-usage.admin-v1-token');

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

  it('never echoes the value', () => {
    const body = panelUsage();
    body.cost.total = '<img src=x onerror=alert(1)>'.repeat(1000);
    const detail = detailOf(normalizePanelUsage(body));
    expect(detail).not.toContain('img');
    expect(detail.length).toBeLessThanOrEqual(200);
  });

  it('timeline point with a bad cost', () => {
    const body = sampleBody('panel-timeline.admin');
    body.timeline[3].cost = -0.01;
    expect(detailOf(normalizeTimeline(body))).toBe('timeline.timeline[3].cost: must be at least 0');
  });
});

describe('strings from the host', () => {
  it('keeps hostile text as plain text, capped', () => {
    const body = sampleBody('panel-invoices.admin');
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
});
