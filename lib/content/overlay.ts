/**
 * The in-page feature: the sidebar entry for people who may see billing, and the modal it
 * opens. Started from the page's first byte, so the figures load as soon as the background
 * says who may see them; the entry shows once the sidebar exists. Everything it starts (observers,
 * listeners, mounted components) stops through one AbortSignal: the content script's
 * context, so an extension reload or update leaves nothing behind in the host page.
 */
import type { ContentScriptContext } from '#imports';
import { mount, unmount } from 'svelte';
import SidebarEntry from '@/components/overlay/SidebarEntry.svelte';
import type { Access } from '@/lib/protocol/replies';
import { watchTenantChoices } from '@/lib/storage/content-script-read';
import { ask } from '@/lib/protocol/ask';
import { BillingViewState } from '@/lib/ui/view-state.svelte';
import { watchDarkMode } from '@/lib/content/dark-mode';
import { keepEntryPlaced, placeEntry } from '@/lib/content/entry-placement';
import { createModal, MODAL_TAG } from '@/lib/content/modal';
import { createShadowUi } from '@/lib/content/shadow-ui';

export const ENTRY_TAG = 'billing-overlay-entry';

export interface Overlay {
  /** What the background said of the page's person: loads their figures, shows or hides everything. */
  setAccess(access: Access | null): void;
  /** The dashboard's sidebar exists: the entry may stand in it from now on. */
  sidebarReady(): void;
  /** The language changed: mount the entry again so every label and number follows. */
  relabel(): void;
}

export function startOverlay(ctx: ContentScriptContext): Overlay {
  const signal = ctx.signal;
  const state = new BillingViewState();

  // The stylesheet comes from the background once the person may see billing (see
  // lib/background/overlay-stylesheet.ts); nothing is mounted before it is here.
  let css: string | null = null;
  let askingCss = false;
  const loadCss = () => {
    if (css !== null || askingCss) return;
    askingCss = true;
    void ask({ op: 'overlay.css' }).then((reply) => {
      askingCss = false;
      if (!reply.ok || signal.aborted) return;
      css = reply.value;
      show(state.canSeeBilling);
    });
  };
  const stylesheet = () => css ?? '';

  const focusEntry = () => entry.shadow.querySelector<HTMLElement>('[data-testid="billing-sidebar-entry"]')?.focus();
  const modal = createModal(ctx, state, stylesheet, focusEntry);
  const entry = createShadowUi(ctx, {
    name: ENTRY_TAG,
    css: stylesheet,
    onMount: (container) =>
      mount(SidebarEntry, {
        target: container,
        props: {
          get view() { return state.view; },
          get error() { return state.error; },
          get dark() { return state.dark; },
          onopen: () => {
            // Cached figures at once; a quiet refresh behind them when they are old. The modal
            // compares with last month, so from now on that month comes with every view.
            state.tracksLastMonth = true;
            void state.load('cached');
            modal.open();
          },
        },
      }),
    onRemove: (app) => app && unmount(app),
  });

  let placing: AbortController | null = null;
  let inSidebar = false;
  const show = (visible: boolean) => {
    if (visible && inSidebar && css !== null && !placing) {
      placing = new AbortController();
      entry.mount();
      // Placed before the next paint, so no frame shows it in the wrong place (or at all, for
      // a person who may not see billing: nothing is mounted until access says so).
      placeEntry(entry.shadowHost);
      keepEntryPlaced(entry.shadowHost, AbortSignal.any([signal, placing.signal]));
    } else if (!visible && placing) {
      placing.abort();
      placing = null;
      modal.discard();
      entry.remove();
    }
  };
  signal.addEventListener('abort', () => {
    show(false);
    state.stop();
  }, { once: true });
  watchDarkMode((dark) => (state.dark = dark), signal);

  // A tenant switch from the popup or the options page: drop the old figures, load the new.
  const unwatch = watchTenantChoices(() => {
    if (!state.canSeeBilling) return;
    state.reset();
    void state.load('cached');
  });
  signal.addEventListener('abort', unwatch, { once: true });

  return {
    relabel() {
      if (!placing) return;
      show(false);
      show(true);
    },
    setAccess(access) {
      state.access = access;
      state.reset();
      show(state.canSeeBilling);
      if (state.canSeeBilling) {
        void state.load('cached');
        loadCss();
      }
    },
    sidebarReady() {
      // A previous copy of this script that could not clean up (crashed, or killed mid-update).
      document.querySelectorAll(`${ENTRY_TAG}, ${MODAL_TAG}`).forEach((node) => node.remove());
      inSidebar = true;
      show(state.canSeeBilling);
    },
  };
}
