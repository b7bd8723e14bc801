/**
 * The overlay's stylesheet for its shadow roots, inlined so no extension file has to be
 * web-accessible to the dashboard. It has no `@property` rules: the build drops them (see
 * overlayCssForShadowRoots in wxt.config.ts), since WXT would hoist them into the host page's
 * <head> (browsers ignore them in shadow trees), where Tailwind v4's typed registrations
 * (`--tw-gradient-from: <color>`) break the host's Tailwind v3 gradients. The starting values
 * they carried are set unconditionally instead.
 */
import css from '@/assets/overlay.css?inline';

export const overlayCss: string = css;
