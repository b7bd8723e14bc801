// @vitest-environment node
/**
 * What the families' invoice lists share: the host's status words, and reading a list row by
 * row (one bad row dropped and counted, the list refused only when no row can be read; a credit
 * note is a row like any other). Shown through the panel and tenant v1 invoice parsers.
 */
import { describe, expect, it } from 'vitest';
import { normalizeStatus } from '@/lib/host/invoices';
import { normalizePanelInvoices } from '@/lib/host/families/panel';
import { normalizeTenantV1Invoices } from '@/lib/host/families/tenant-v1';
import { detailOf, sampleBody } from '@/tests/support/host-reads';
import { TENANT_V1_INVOICES_PAGE } from '@/tests/support/samples';

const panelInvoices = () => sampleBody('panel-invoices.admin');

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

describe('invoice lists, row by row', () => {
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
});
