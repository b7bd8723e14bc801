/**
 * Opens the billing modal over the dashboard in its own shadow root, and closes it: the page
 * behind stops scrolling while it is open, and focus goes back to where it came from.
 * Returns the function that closes it.
 */
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { mount, unmount } from 'svelte';
import BillingModal from '@/components/BillingModal.svelte';
import { ask } from '../messaging';
import type { BillingViewState } from '../view-state.svelte';

export const MODAL_TAG = 'billing-overlay-modal';

export function openModal(ctx: ContentScriptContext, state: BillingViewState, onClosed: () => void): () => void {
  const root = document.documentElement;
  const previousOverflow = root.style.overflow;
  root.style.overflow = 'hidden';
  let closed = false;
  let remove = () => {};

  const close = () => {
    if (closed) return;
    closed = true;
    remove();
    root.style.overflow = previousOverflow;
    onClosed();
  };

  void createShadowRootUi(ctx, {
    name: MODAL_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keys typed in the modal must not reach the host's keyboard shortcuts.
    isolateEvents: true,
    onMount: (container) =>
      mount(BillingModal, {
        target: container,
        props: {
          get tenantName() { return state.view?.tenant.name ?? ''; },
          get state() { return state.modal; },
          get dark() { return state.dark; },
          onretry: () => void state.load('force'),
          onrefresh: () => void state.load('force'),
          onclose: close,
          onopenfull: () => void ask({ op: 'page.openFull', tenantId: state.view?.tenant.id }),
        },
      }),
    onRemove: (app) => app && unmount(app),
  }).then((ui) => {
    if (closed) return;
    ui.mount();
    remove = () => ui.remove();
  });
  return close;
}
