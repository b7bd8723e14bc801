/** BillingModal before and instead of figures: loading, the tenant question, and problems said in words. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/svelte';
import { renderModal } from '@/components/overlay/BillingModal.support';

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('BillingModal', () => {
  it('shows the loading state: the final layout in grey, under the real headings', () => {
    renderModal({ kind: 'loading' });
    expect(screen.getByRole('status')).toHaveTextContent('Carregando o faturamento…');
    expect(screen.getByText('Distribuição de custos')).toBeInTheDocument();
    expect(screen.getByText('Faturas recentes')).toBeInTheDocument();
    expect(screen.queryByTestId('billing-total-cost')).toBeNull();
    expect(screen.queryByTestId('billing-refresh')).toBeNull();
  });

  it('asks for the tenant where the host vouches for none: an empty field, the page\'s guess only said, sent only on confirm', async () => {
    const { props } = renderModal({ kind: 'error', error: { kind: 'tenantUnconfirmed', hint: 'BELGO-001' } });
    const input = screen.getByLabelText('Identificador do tenant');
    // The guess (BELGO-001 for everyone the login page signs in) is no answer: not as the value, not as a placeholder.
    expect(input).toHaveValue('');
    expect(input).not.toHaveAttribute('placeholder');
    expect(input).toHaveAccessibleDescription('A página sugere BELGO-001 — confirme apenas se for o seu.');
    expect(screen.queryByTestId('billing-error')).toBeNull();
    // A click on "Confirmar" as it comes is refused: nothing was chosen.
    await fireEvent.click(screen.getByTestId('tenant-choice-confirm'));
    expect(screen.getByRole('alert')).toHaveTextContent('Use letras maiúsculas, números e hífens, como em ACME-001.');
    expect(props.onchoose).not.toHaveBeenCalled();
    await fireEvent.input(input, { target: { value: ' tech-001 ' } });
    await fireEvent.click(screen.getByTestId('tenant-choice-confirm'));
    expect(props.onchoose).toHaveBeenCalledWith('TECH-001');
  });

  it('refuses a tenant id the host could not have issued, and says why a choice was refused', async () => {
    const onchoose = vi.fn(async () => ({ kind: 'signedOut' as const }));
    renderModal({ kind: 'error', error: { kind: 'tenantUnconfirmed', hint: null } }, { onchoose });
    const input = screen.getByTestId('tenant-choice-input');
    expect(input).toHaveValue('');
    await fireEvent.input(input, { target: { value: '../x' } });
    await fireEvent.click(screen.getByTestId('tenant-choice-confirm'));
    expect(onchoose).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Use letras maiúsculas, números e hífens, como em ACME-001.');
    await fireEvent.input(input, { target: { value: 'BELGO-001' } });
    await fireEvent.click(screen.getByTestId('tenant-choice-confirm'));
    await vi.waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Não foi possível guardar a sua escolha: Sua sessão no Dashboard Agile terminou'));
  });

  it('shows the error in words and retries', async () => {
    const { props } = renderModal({ kind: 'error', error: { kind: 'server', status: 500 } });
    expect(screen.getByTestId('billing-error')).toHaveTextContent('O servidor respondeu com erro 500');
    await fireEvent.click(screen.getByTestId('billing-retry'));
    expect(props.onretry).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('billing-retry')).toHaveTextContent('Tentar novamente');
    expect(screen.getByTestId('billing-next-step')).toHaveTextContent('Tente novamente em alguns instantes.');
    expect(screen.getByRole('alert')).toContainElement(screen.getByTestId('billing-error'));
  });

  it('words an unreadable answer for people, the parser\'s reason behind "Detalhes"', () => {
    renderModal({ kind: 'error', error: { kind: 'badResponse', detail: 'usage.cost.total: expected number, got string' } });
    expect(screen.getByTestId('billing-error')).toHaveTextContent('O servidor enviou uma resposta que a extensão não consegue ler');
    expect(screen.getByTestId('billing-error')).not.toHaveTextContent('expected');
    const details = screen.getByText('Detalhes').closest('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(screen.getByTestId('billing-error-detail')).toHaveTextContent('usage.cost.total: expected number, got string');
  });

  it('tells "never signed in" from "session ended", calmly, not as an alert', () => {
    renderModal({ kind: 'error', error: { kind: 'signedOut', neverSignedIn: true } });
    expect(screen.getByTestId('billing-state')).toHaveAttribute('data-state', 'neverSignedIn');
    expect(screen.getByTestId('billing-error')).toHaveTextContent('Você ainda não entrou no Dashboard Agile');
    expect(screen.queryByText(/sessão/i)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    // In the dashboard itself there is no page to open: a retry picks up a sign-in made meanwhile.
    expect(screen.getByTestId('billing-retry')).toBeVisible();
    cleanup();
    renderModal({ kind: 'error', error: { kind: 'signedOut' } });
    expect(screen.getByTestId('billing-state')).toHaveAttribute('data-state', 'signedOut');
    expect(screen.getByTestId('billing-error')).toHaveTextContent('Sua sessão no Dashboard Agile terminou');
    expect(screen.getByTestId('billing-next-step')).toHaveTextContent('Entre novamente no Dashboard Agile');
  });
});

describe('what the figures are', () => {
  it("the host's wait counts down, second by second", async () => {
    vi.useFakeTimers();
    try {
      const retryAt = Date.now() + 30_000;
      renderModal({ kind: 'error', error: { kind: 'server', status: 429, retryAt } });
      expect(screen.getByTestId('billing-error')).toHaveTextContent('O servidor está sobrecarregado (erro 429): tente novamente em 30 s');
      await vi.advanceTimersByTimeAsync(5_000);
      expect(screen.getByTestId('billing-error')).toHaveTextContent('tente novamente em 25 s');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a redirect and a body past the cap are said plainly', () => {
    renderModal({ kind: 'error', error: { kind: 'redirected' } });
    expect(screen.getByTestId('billing-error')).toHaveTextContent('O servidor nos enviou para outro endereço');
    cleanup();
    renderModal({ kind: 'error', error: { kind: 'tooLarge', limitBytes: 2 * 1024 * 1024 } });
    expect(screen.getByTestId('billing-error')).toHaveTextContent('A resposta do servidor passou de 2 MB e foi interrompida');
  });
});
