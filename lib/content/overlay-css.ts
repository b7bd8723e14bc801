/**
 * The overlay's stylesheet for its shadow roots, inlined so no extension file has to be
 * web-accessible to the dashboard. Its `@property` rules are dropped: WXT hoists them into the
 * host page's <head> (browsers ignore them in shadow trees), where Tailwind v4's typed
 * registrations (`--tw-gradient-from: <color>`) break the host's Tailwind v3 gradients. The
 * starting values they carried are set unconditionally in assets/overlay.css instead.
 */
import css from '@/assets/overlay.css?inline';

export const overlayCss = css.replace(/@property\s+--[\w-]+\s*\{[^}]*\}/g, '');
