/**
 * The overlay's stylesheet (entrypoints/overlay.css, built to /assets/overlay.css), read from the
 * extension's own files and handed to a dashboard tab once its person may see billing. The
 * content script cannot read extension files unless they are web-accessible to the dashboard,
 * and inlined it was a sixth of the script every dashboard page loads, people without billing
 * included. Read once per worker.
 */
import { browser, type PublicPath } from 'wxt/browser';

/** Where WXT builds it; its generated path types list unlisted styles as .js files. */
const STYLESHEET_PATH = '/assets/overlay.css' as PublicPath;
let stylesheet: Promise<string | null> | null = null;

export function overlayStylesheet(): Promise<string | null> {
  stylesheet ??= fetch(browser.runtime.getURL(STYLESHEET_PATH))
    .then((response) => (response.ok ? response.text() : null))
    .catch(() => null)
    .then((css) => {
      // A failed read is tried again by the next tab rather than remembered.
      if (css === null) stylesheet = null;
      return css;
    });
  return stylesheet;
}
