/** BillingModal's footer: when the figures were fetched, and the refresh button. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/svelte';
import { belgoView, renderModal } from '@/components/overlay/BillingModal.support';

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('BillingModal', () => {
  it('shows when the data was fetched, stale mark, refresh error, and refreshes', async () => {
    const { props } = renderModal({
      kind: 'ready',
      view: belgoView({ stale: true, refreshError: { kind: 'timeout' } }),
      refreshing: false,
    });
    // When and why, never "updated now" beside "outdated".
    expect(screen.getByTestId('billing-fetched-at')).toHaveTextContent(
      'Desatualizado Dados obtidos há 2 minutos. Não foi possível atualizar: O servidor demorou demais para responder',
    );
    expect(screen.getByTestId('billing-fetched-at')).not.toHaveTextContent('Atualizado');
    expect(screen.getByTestId('billing-stale')).toHaveTextContent('Desatualizado');
    expect(screen.getByTestId('billing-refresh-error')).toHaveTextContent('O servidor demorou demais para responder');
    const refresh = screen.getByTestId('billing-refresh');
    expect(refresh).toBeEnabled();
    await fireEvent.click(refresh);
    expect(props.onrefresh).toHaveBeenCalledTimes(1);
  });

  it('disables the refresh button and says the dialog is busy while refreshing', () => {
    renderModal({ kind: 'ready', view: belgoView(), refreshing: true });
    const refresh = screen.getByTestId('billing-refresh');
    expect(refresh).toBeDisabled();
    expect(refresh).toHaveTextContent('Atualizando');
    expect(screen.getByRole('dialog')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByTestId('billing-stale')).toBeNull();
  });
});
