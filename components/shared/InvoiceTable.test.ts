/** InvoiceTable on its own (the modal's tests cover it inside the modal). */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import InvoiceTable from '@/components/shared/InvoiceTable.svelte';
import { brl } from '@/tests/support/usage';
import { invoice, listed } from '@/components/overlay/BillingModal.support';

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('InvoiceTable', () => {
  it('shows every invoice without a limit', () => {
    const data = [invoice(1), invoice(2), invoice(3), invoice(4), invoice(5), invoice(6), invoice(7)];
    render(InvoiceTable, { props: { invoices: listed(data), locale: 'pt-BR' } });
    expect(screen.getAllByTestId('billing-invoice-row')).toHaveLength(7);
  });

  it('tolerates duplicate invoice ids', () => {
    const data = [invoice(1), invoice(1)];
    render(InvoiceTable, { props: { invoices: listed(data), limit: 5, locale: 'en' } });
    expect(screen.getAllByTestId('billing-invoice-row')).toHaveLength(2);
  });

  it('a credit note shows its minus; unreadable rows are counted, the rest listed', () => {
    const credit = invoice(3, { total: brl(-5025), status: 'paid', rawStatus: 'paid' });
    render(InvoiceTable, { props: { invoices: listed([invoice(4), credit], 1), locale: 'pt-BR' } });
    const rows = screen.getAllByTestId('billing-invoice-row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent("-R$ 50,25");
    expect(screen.getByTestId('billing-invoices-unreadable')).toHaveTextContent('1 fatura não pôde ser lida');
    cleanup();
    render(InvoiceTable, { props: { invoices: listed([invoice(4)], 3), locale: 'pt-BR' } });
    expect(screen.getByTestId('billing-invoices-unreadable')).toHaveTextContent('3 faturas não puderam ser lidas');
  });
});
