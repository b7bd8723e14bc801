/** BillingModal's recent invoices: at most five, "none" apart from "not available", and host strings kept as text. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/svelte';
import { NBSP } from '@/tests/support/usage';
import { belgoView, invoice, listed, renderModal } from '@/components/overlay/BillingModal.support';

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('BillingModal', () => {
  it('lists at most 5 invoices with translated status badges', () => {
    renderModal({ kind: 'ready', view: belgoView(), refreshing: false });
    const rows = screen.getAllByTestId('billing-invoice-row');
    expect(rows).toHaveLength(5);
    const first = within(rows[0]!);
    expect(first.getByText('FAT-2026-0011')).toBeInTheDocument();
    expect(first.getByText('novembro de 2026')).toBeInTheDocument();
    expect(rows[0]!.textContent).toContain(`R$${NBSP}200,00`);
    const badges = screen.getAllByTestId('billing-invoice-status');
    expect(badges.map((b) => b.textContent)).toEqual(['Pendente', 'Paga', 'Vencida', 'em_analise', 'Cancelada']);
    expect(screen.queryByText('Nenhuma fatura encontrada')).toBeNull();
  });

  it('says "no invoices" only for an empty list that did load', () => {
    renderModal({ kind: 'ready', view: belgoView({ invoices: listed([]) }), refreshing: false });
    expect(screen.getByText('Nenhuma fatura encontrada')).toBeInTheDocument();
    expect(screen.queryByTestId('billing-invoices-unavailable')).toBeNull();
  });

  it('says the invoice list is not available, never "no invoices"', () => {
    renderModal({
      kind: 'ready',
      view: belgoView({ invoices: { ok: false, error: { kind: 'notAvailable' } } }),
      refreshing: false,
    });
    expect(screen.getByTestId('billing-invoices-unavailable')).toHaveTextContent('Faturas não disponíveis neste servidor');
    expect(screen.queryByText(/Nenhuma fatura/)).toBeNull();
    expect(screen.queryByTestId('billing-invoice-row')).toBeNull();
  });

  it('words other invoice failures with the reason', () => {
    renderModal({
      kind: 'ready',
      view: belgoView({ invoices: { ok: false, error: { kind: 'server', status: 500 } } }),
      refreshing: false,
    });
    expect(screen.getByTestId('billing-invoices-unavailable')).toHaveTextContent(
      'Faturas indisponíveis: O servidor respondeu com erro 500',
    );
  });

  it('renders hostile server strings as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = renderModal({
      kind: 'ready',
      view: belgoView({ invoices: listed([invoice(1, { number: hostile, status: 'other', rawStatus: hostile, period: hostile })]) }),
      refreshing: false,
    });
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    const row = screen.getByTestId('billing-invoice-row');
    expect(within(row).getAllByText(hostile).length).toBeGreaterThanOrEqual(2);
  });
});
