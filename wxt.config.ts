import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';

/**
 * Prepares the overlay's stylesheet (entrypoints/overlay.css, built to /assets/overlay.css and
 * handed to the content script by the background) for shadow roots, at build time so the bytes
 * never ship:
 * - drops Tailwind's `@property` rules: browsers ignore them in shadow trees, and WXT would
 *   hoist them into the host page's <head>, where Tailwind v4's typed registrations
 *   (`--tw-gradient-from: <color>`) break the host's Tailwind v3 gradients;
 * - unwraps the fallback Tailwind emits for browsers lacking @property (`@layer properties {
 *   @supports (...) { *, ::before, ... { --tw-*: initial values } } }`), so the starting values
 *   those rules carried apply unconditionally, for exactly the variables the overlay uses.
 * Fails the build if Tailwind's output no longer has that shape, rather than ship a broken overlay.
 */
function overlayCssForShadowRoots(): Plugin {
  return {
    name: 'billing-overlay:overlay-css',
    enforce: 'pre', // after @tailwindcss/vite (also 'pre', listed first), before Vite's CSS plugins
    transform(code, id) {
      if (!/\/entrypoints\/overlay\.css$/.test(id)) return;
      const withoutProperty = code.replace(/@property\s+--[\w-]+\s*\{[^}]*\}/g, '');
      const fallback = /(@layer\s+properties\s*\{)\s*@supports[^{]*\{([^{}]*\{[^{}]*\})\s*\}/;
      if (!fallback.test(withoutProperty) || /@property/.test(withoutProperty)) {
        this.error('entrypoints/overlay.css: Tailwind\'s @property fallback is not where expected');
      }
      return { code: withoutProperty.replace(fallback, '$1$2'), map: null };
    },
  };
}

/**
 * The content script and the background run without webextension-polyfill (~10 KB minified,
 * 3 KB gzip): every extension API they call is promise-based or synchronous in Chrome MV3 and
 * Firefox alike. The one thing the polyfill adds there is an onMessage listener that may answer
 * with a promise; the background's listener answers through sendResponse instead, which both
 * browsers take (entrypoints/background.ts). The extension's pages keep the polyfill.
 * `wxt/browser` is aliased to the polyfill by @wxt-dev/webextension-polyfill; in these builds
 * that alias leads to WXT's plain `browser` (browser ?? chrome) instead.
 */
function withoutPolyfill(): Plugin {
  return {
    name: 'billing-overlay:without-polyfill',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id !== '@wxt-dev/webextension-polyfill/browser') return;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  // The end-to-end build (`npm run build:e2e`) differs in one constant (lib/content/shadow-ui.ts)
  // and lives beside the shipped one, never in its place.
  ...(process.env.WXT_E2E === '1' && { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-e2e' }),
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  // No `window.__svelte.v` version stamp in the host page (nor its bytes in every bundle).
  svelte: { vite: { compilerOptions: { discloseVersion: false } } },
  vite: () => ({
    plugins: [tailwindcss(), overlayCssForShadowRoots()],
    // Terser, three passes: about 5% under esbuild's minifier, gzipped; what keeps the script every
    // dashboard page loads within 30 KB and the background within 25 KB (npm run bench).
    // keep_fargs: false drops unused parameters; nothing here reads a function's `length`.
    build: { minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 3, keep_fargs: false }, format: { comments: false } } },
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script' || entrypoint.type === 'background')) {
        config.plugins = [...(config.plugins ?? []), withoutPolyfill()];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'pt_BR',
    // storage: settings and the session cache; alarms: the badge's refresh; notifications:
    // budget alerts; scripting: the overlay on a dashboard origin the person granted at run time.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // Dashboards in development are reachable by default; any other dashboard origin is
    // requested at run time by the options page, so the install prompt stays minimal.
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'billing-overlay@fabrica-de-agentes.local',
          // 142: the first Firefox (desktop and Android) that reads data_collection_permissions.
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
