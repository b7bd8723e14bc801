/**
 * The overlay's stylesheet for its shadow roots, inlined so no extension file has to be
 * web-accessible to the dashboard; prepared for shadow roots at build time
 * (overlayCssForShadowRoots in wxt.config.ts).
 */
import css from '@/assets/overlay.css?inline';

export const overlayCss: string = css;
