// @vitest-environment node
/** The currency of the host's money: what the data names when it is a valid code, else BRL. */
import { describe, expect, it } from 'vitest';
import { HOST_CURRENCY } from '@/lib/host/currency';
import { normalizePanelInvoices } from '@/lib/host/families/panel';
import { sampleBody } from '@/tests/support/host-reads';

describe('strings from the host', () => {
  it('validates invoice currency, falling back to the host currency', () => {
    expect(HOST_CURRENCY).toBe('BRL');
    const body = sampleBody('panel-invoices.admin');
    body.invoices[0].currency = 'usd';
    body.invoices[1].currency = 'R$';
    body.invoices[2].currency = null;
    const result = normalizePanelInvoices(body);
    expect(result.ok && result.value.invoices.map((i) => i.total.currency)).toEqual(['USD', 'BRL', 'BRL']);
  });
});
