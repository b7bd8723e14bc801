/**
 * Keyboard behaviour of a modal dialog rendered in a shadow root (or the document):
 * Esc closes, Tab / Shift+Tab wrap inside the dialog, and keydown / keyup / keypress never
 * bubble out of `overlay`, so the host page's shortcuts do not fire while the modal is open.
 */

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The focused element as seen from the dialog's own tree (a shadow root's, not `document`'s). */
export function activeElementOf(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

function trapTab(dialog: HTMLElement, e: KeyboardEvent): void {
  const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE));
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    e.preventDefault();
    dialog.focus();
    return;
  }
  const current = activeElementOf(dialog);
  const inside = current !== null && current !== dialog && dialog.contains(current);
  if (e.shiftKey && (!inside || current === first)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (!inside || current === last)) {
    e.preventDefault();
    first.focus();
  }
}

/** Installs the listeners on `overlay`; returns the function that removes them. */
export function dialogKeyboard(overlay: HTMLElement, dialog: HTMLElement, onescape: () => void): () => void {
  const onKeydown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape' || e.key === 'Esc') {
      e.preventDefault();
      onescape();
    } else if (e.key === 'Tab') {
      trapTab(dialog, e);
    }
  };
  const stop = (e: Event) => e.stopPropagation();
  overlay.addEventListener('keydown', onKeydown);
  overlay.addEventListener('keyup', stop);
  overlay.addEventListener('keypress', stop);
  return () => {
    overlay.removeEventListener('keydown', onKeydown);
    overlay.removeEventListener('keyup', stop);
    overlay.removeEventListener('keypress', stop);
  };
}
