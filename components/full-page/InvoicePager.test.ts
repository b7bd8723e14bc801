/** InvoicePager: ten invoices a page on screen, every one on paper. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import InvoicePager from '@/components/full-page/InvoicePager.svelte';
import type { Invoice } from '@/lib/billing/model';
import { brl } from '@/tests/support/usage';
import { notAvailable } from '@/components/full-page/widgets.support';

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('InvoicePager', () => {
  const invoices: Invoice[] = Array.from({ length: 23 }, (_, i) => ({
    id: `INV-${i + 1}`,
    number: `FAT-${String(i + 1).padStart(4, '0')}`,
    period: '2026-10',
    total: brl(10000 + i),
    status: 'paid',
    rawStatus: 'paid',
    dueDate: null,
    paidAt: null,
  }));

  const screenRows = () => within(screen.getByTestId('full-invoices-screen')).getAllByTestId('billing-invoice-row');

  it('pages through 10 at a time and prints every invoice', async () => {
    render(InvoicePager, { invoices: { ok: true, value: { invoices, unreadable: 0 } }, locale: 'pt-BR' });
    expect(screen.getByTestId('full-invoices-page')).toHaveTextContent('Página 1 de 3');
    expect(screenRows()).toHaveLength(10);
    expect(screenRows()[0]).toHaveTextContent('FAT-0001');
    expect(screen.getByTestId('full-invoices-prev')).toBeDisabled();

    await fireEvent.click(screen.getByTestId('full-invoices-next'));
    expect(screen.getByTestId('full-invoices-page')).toHaveTextContent('Página 2 de 3');
    expect(screenRows()[0]).toHaveTextContent('FAT-0011');

    await fireEvent.click(screen.getByTestId('full-invoices-next'));
    expect(screenRows()).toHaveLength(3);
    expect(screen.getByTestId('full-invoices-next')).toBeDisabled();

    await fireEvent.click(screen.getByTestId('full-invoices-prev'));
    expect(screen.getByTestId('full-invoices-page')).toHaveTextContent('Página 2 de 3');

    // The print copy holds every invoice (that only it prints is checked in Chromium, full-page.spec.ts).
    expect(within(screen.getByTestId('full-invoices-print')).getAllByTestId('billing-invoice-row')).toHaveLength(23);
  });

  it('has no pager for a single page', () => {
    render(InvoicePager, { invoices: { ok: true, value: { invoices: invoices.slice(0, 4), unreadable: 0 } }, locale: 'pt-BR' });
    expect(screenRows()).toHaveLength(4);
    expect(screen.queryByTestId('full-invoices-page')).toBeNull();
  });

  it('keeps "not available" and "no invoices" apart', () => {
    render(InvoicePager, { invoices: notAvailable, locale: 'pt-BR' });
    expect(screen.getByTestId('billing-invoices-unavailable')).toHaveTextContent('Faturas não disponíveis neste servidor');
    expect(screen.queryByTestId('billing-invoices-empty')).toBeNull();
    cleanup();
    render(InvoicePager, { invoices: { ok: true, value: { invoices: [], unreadable: 0 } }, locale: 'pt-BR' });
    expect(screen.getByTestId('billing-invoices-empty')).toHaveTextContent('Nenhuma fatura encontrada');
    expect(screen.queryByTestId('full-invoices-page')).toBeNull();
  });
});
