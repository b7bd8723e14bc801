/**
 * The overlay's shadow-root UIs: WXT's createShadowRootUi reduced to what the overlay uses (an
 * element appended to <body>, its own stylesheet, keyboard events kept inside), without its
 * auto-mount machinery and the element-waiting libraries that come with it (~1 KB gzip of the
 * content script). The DOM is WXT's: <name>, a shadow root holding <html><head><style></head>
 * <body></body></html>, the app mounted in that <body>, and the host reset to `all: initial` so
 * no host page style is inherited; without WXT's data-wxt-shadow-root mark, which nothing reads
 * and which would name WXT to the page. Like WXT's, it is removed when the content script's
 * context ends.
 *
 * The shadow root is closed: the host page's scripts cannot read the figures in it. Only the
 * end-to-end build (`npm run build:e2e`, WXT_E2E=1; see README "Tests") opens it, for
 * Playwright's locators; in the shipped build the condition folds to "closed" at build time.
 */
import type { ContentScriptContext } from '#imports';
import { uiLocale } from '@/lib/i18n';

const SHADOW_MODE: ShadowRootMode = import.meta.env.WXT_E2E === '1' ? 'open' : 'closed';
/** The host's attribute while hide() keeps it hidden in the page (the bench reads it: tests/bench/overlay-open.ts). */
const HIDDEN = 'data-hidden';

export interface ShadowUiOptions<T> {
  /** The host element's tag: a valid custom element name. */
  name: string;
  /** The stylesheet of the shadow root, read at each mount (no @property / @font-face: those do not apply there). */
  css(): string;
  onMount(container: HTMLElement): T;
  onRemove(mounted: T | undefined): void;
}

export interface ShadowUi<T> {
  shadow: ShadowRoot;
  shadowHost: HTMLElement;
  /** The mounted app (in the page or hidden), if any. */
  readonly app: T | undefined;
  /** Appends the host to <body> and mounts the app, or shows a hidden one again. */
  mount(): void;
  /**
   * Hides it in place: the app stays mounted and keeps following its data, unseen, out of the
   * accessibility tree, the tab order and the pointer's way (visibility: hidden). Kept in the page,
   * its styles and layout are kept too, so showing it again costs no style or layout of its own
   * (taken out of the page, each open restyled and laid out every node anew: most of a warm open).
   */
  hide(): void;
  /** Unmounts the app and takes the host out of the page. */
  remove(): void;
}

export function createShadowUi<T>(ctx: ContentScriptContext, options: ShadowUiOptions<T>): ShadowUi<T> {
  const shadowHost = document.createElement(options.name);
  const shadow = shadowHost.attachShadow({ mode: SHADOW_MODE });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  // Keys typed in our UI must not reach the host's keyboard shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) body.addEventListener(type, (e) => e.stopPropagation());

  let mounted: T | undefined;
  const remove = () => {
    options.onRemove(mounted);
    shadowHost.remove();
    shadowHost.removeAttribute(HIDDEN);
    body.replaceChildren();
    mounted = undefined;
  };
  ctx.onInvalidated(remove);
  return {
    shadow,
    shadowHost,
    get app() {
      return mounted;
    },
    mount() {
      if (mounted !== undefined) {
        shadowHost.removeAttribute(HIDDEN);
        // The host page may have taken it out of <body> meanwhile.
        if (!shadowHost.isConnected) document.body.append(shadowHost);
        return;
      }
      // Our text's language, which may not be the host page's.
      html.lang = uiLocale();
      // Set again only when it changed: a new text is parsed anew.
      const css = `:host{all:initial !important;}:host([${HIDDEN}]){visibility:hidden !important;}\n${options.css()}`;
      if (style.textContent !== css) style.textContent = css;
      document.body.append(shadowHost);
      mounted = options.onMount(body);
    },
    hide: () => shadowHost.setAttribute(HIDDEN, ''),
    remove,
  };
}
