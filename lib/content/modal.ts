/**
 * The billing modal over the dashboard, in its own shadow root. The shadow root is made once
 * per page (WXT ties each one to the context until it ends); the first open mounts the
 * component, closing hides it in the page still mounted, so opening it again is only showing it
 * (mounting, styling and laying out every figure, quota and invoice anew was most of a warm
 * open's time; see ShadowUi.hide). It is unmounted when the person may no longer see billing or
 * the language changes (discard). While it is open the page behind does not scroll, and on close
 * focus goes back to where it came from.
 */
import type { ContentScriptContext } from '#imports';
import { mount, unmount } from 'svelte';
import BillingModal from '@/components/overlay/BillingModal.svelte';
import { ask } from '@/lib/protocol/ask';
import type { BillingViewState } from '@/lib/ui/view-state.svelte';
import { createShadowUi } from '@/lib/content/shadow-ui';

export const MODAL_TAG = 'billing-overlay-modal';

export interface Modal {
  open(): void;
  close(): void;
  /** Closes it and unmounts it: the next open mounts it anew. */
  discard(): void;
}

export function createModal(ctx: ContentScriptContext, state: BillingViewState, css: () => string, onClosed: () => void): Modal {
  const root = document.documentElement;
  let previousOverflow: string | null = null;

  const close = () => {
    if (previousOverflow === null) return;
    ui.hide();
    root.style.overflow = previousOverflow;
    previousOverflow = null;
    onClosed();
  };

  // Keys typed in the modal do not reach the host's keyboard shortcuts (see shadow-ui.ts).
  const ui = createShadowUi(ctx, {
    name: MODAL_TAG,
    css,
    onMount: (container) =>
      mount(BillingModal, {
        target: container,
        props: {
          get tenantName() { return state.view?.tenant.name ?? ''; },
          get state() { return state.modal; },
          get dark() { return state.dark; },
          get lastMonth() {
            const month = state.lastMonth;
            return { month, usage: month ? state.usageOf(month) : undefined };
          },
          onretry: () => void state.load('force'),
          onchoose: (tenantId: string) => state.choose(tenantId),
          onrefresh: () => void state.load('force'),
          onclose: close,
          onopenfull: () => void ask({ op: 'page.openFull', tenantId: state.view?.tenant.id }),
        },
      }),
    onRemove: (app) => app && unmount(app),
  });

  return {
    open() {
      if (previousOverflow !== null) return;
      previousOverflow = root.style.overflow;
      root.style.overflow = 'hidden';
      const hidden = ui.app;
      ui.mount();
      // A first mount starts where a person starts by itself; shown again, it is asked to.
      hidden?.start();
    },
    close,
    discard() {
      close();
      ui.remove();
    },
  };
}
