/** BillingModal as a modal dialog: its name, how it closes, where focus goes, and keys kept from the page. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { belgoView, renderModal } from '@/components/overlay/BillingModal.support';

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('BillingModal', () => {
  it('is a labelled modal dialog with the tenant in the subtitle', () => {
    renderModal({ kind: 'loading' });
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAttribute('data-testid', 'billing-modal');
    expect(dialog).toHaveAccessibleName('Billing e Usage');
    expect(screen.getByTestId('billing-modal-tenant').parentElement).toHaveTextContent('Consumo, custos e faturas · Belgo Arames');
    expect(screen.getByTestId('billing-modal-tenant')).toHaveTextContent('Belgo Arames');
    expect(screen.getByTestId('billing-open-full')).toHaveTextContent('Abrir painel completo');
    expect(screen.getByTestId('billing-close')).toHaveAttribute('aria-label', 'Fechar');
  });

  it('closes from the close button, the backdrop and Esc, not from clicks inside', async () => {
    const { props } = renderModal({ kind: 'loading' });
    await fireEvent.click(screen.getByTestId('billing-close'));
    expect(props.onclose).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole('dialog'));
    expect(props.onclose).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole('dialog').parentElement!);
    expect(props.onclose).toHaveBeenCalledTimes(2);
    await fireEvent.keyDown(screen.getByTestId('billing-open-full'), { key: 'Escape' });
    expect(props.onclose).toHaveBeenCalledTimes(3);
  });

  it('does not close when a press inside the dialog ends on the backdrop', async () => {
    const { props } = renderModal({ kind: 'loading' });
    const overlay = screen.getByRole('dialog').parentElement!;
    await fireEvent.mouseDown(screen.getByText('Carregando o faturamento…'));
    await fireEvent.click(overlay);
    expect(props.onclose).not.toHaveBeenCalled();
  });

  it('opens the full page', async () => {
    const { props } = renderModal({ kind: 'loading' });
    await fireEvent.click(screen.getByTestId('billing-open-full'));
    expect(props.onopenfull).toHaveBeenCalledTimes(1);
  });

  it('focuses the close button on mount and wraps Tab inside the dialog', async () => {
    renderModal({ kind: 'ready', view: belgoView(), refreshing: false });
    await tick();
    const close = screen.getByTestId('billing-close');
    const openFull = screen.getByTestId('billing-open-full');
    const refresh = screen.getByTestId('billing-refresh');
    expect(document.activeElement).toBe(close);

    refresh.focus();
    const forward = await fireEvent.keyDown(refresh, { key: 'Tab' });
    expect(forward).toBe(false); // default prevented
    expect(document.activeElement).toBe(openFull);

    const backward = await fireEvent.keyDown(openFull, { key: 'Tab', shiftKey: true });
    expect(backward).toBe(false);
    expect(document.activeElement).toBe(refresh);

    // In the middle, Tab is left to the browser.
    close.focus();
    expect(await fireEvent.keyDown(close, { key: 'Tab' })).toBe(true);
  });

  it('brings focus back inside when it escaped', async () => {
    renderModal({ kind: 'loading' });
    (document.activeElement as HTMLElement | null)?.blur();
    await fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByTestId('billing-open-full'));
  });

  it('keeps focus inside when a confirmed tenant takes the chooser away: Esc and Tab work as before', async () => {
    const choosing = { kind: 'error', error: { kind: 'tenantUnconfirmed', hint: 'BELGO-001' } };
    const { props, rerender } = renderModal(choosing);
    await tick();
    screen.getByTestId('tenant-choice-confirm').focus();
    // Confirmed: the figures are on their way, the chooser (and the button focused in it) is gone.
    await rerender({ state: { kind: 'loading' } });
    const body = screen.getByTestId('billing-modal-body');
    expect(document.activeElement).toBe(body);
    expect(await fireEvent.keyDown(body, { key: 'Tab' })).toBe(false);
    expect(document.activeElement).toBe(screen.getByTestId('billing-open-full'));
    await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(props.onclose).toHaveBeenCalledTimes(1);
  });

  it('keeps key events from reaching the page', async () => {
    const onDocument = vi.fn();
    document.addEventListener('keydown', onDocument);
    document.addEventListener('keyup', onDocument);
    document.addEventListener('keypress', onDocument);
    try {
      renderModal({ kind: 'loading' });
      const target = screen.getByTestId('billing-open-full');
      await fireEvent.keyDown(target, { key: 'k', ctrlKey: true });
      await fireEvent.keyPress(target, { key: 'k', charCode: 107 });
      await fireEvent.keyUp(target, { key: 'k' });
      await fireEvent.keyDown(target, { key: 'Escape' });
      expect(onDocument).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', onDocument);
      document.removeEventListener('keyup', onDocument);
      document.removeEventListener('keypress', onDocument);
    }
  });

  it('works inside a shadow root (focus trap uses the root node)', async () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const target = document.createElement('div');
    shadow.appendChild(target);
    const { props } = renderModal({ kind: 'ready', view: belgoView(), refreshing: false }, {}, target);
    await tick();
    const close = shadow.querySelector<HTMLElement>('[data-testid="billing-close"]')!;
    const openFull = shadow.querySelector<HTMLElement>('[data-testid="billing-open-full"]')!;
    const refresh = shadow.querySelector<HTMLElement>('[data-testid="billing-refresh"]')!;
    expect(shadow.activeElement).toBe(close);
    refresh.focus();
    await fireEvent.keyDown(refresh, { key: 'Tab' });
    expect(shadow.activeElement).toBe(openFull);
    await fireEvent.keyDown(openFull, { key: 'Escape' });
    expect(props.onclose).toHaveBeenCalledTimes(1);
    host.remove();
  });
});
