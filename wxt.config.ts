import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import JSZip from 'jszip';
import { readFile, writeFile } from 'node:fs/promises';
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

/**
 * Rewrites a package WXT zipped so the same sources give the same bytes (tests/tooling/package.test.ts):
 * WXT's JSZip stamps every entry with the current time and adds folder entries stamped likewise,
 * in the order the file system lists them. Here: files only, sorted, all dated 1980-01-01 (the zip
 * format's first date), recompressed at WXT's level.
 */
async function reproducibleZip(path: string, level: number): Promise<void> {
  const packed = await JSZip.loadAsync(await readFile(path));
  const sorted = new JSZip();
  const files = Object.values(packed.files).filter((entry) => !entry.dir).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of files) {
    sorted.file(entry.name, await entry.async('uint8array'), { date: new Date(Date.UTC(1980, 0, 1)), createFolders: false });
  }
  await writeFile(path, await sorted.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } }));
}

/**
 * The manifest's homepage_url, shown by both stores and in about:addons: the public home of the
 * Fabrica de Agentes project the dashboard belongs to, until the extension has a page of its own.
 */
const HOMEPAGE = 'https://github.com/cruzpeanelo/fabrica-de-workers';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // The end-to-end build (`npm run build:e2e`) differs in one constant (lib/content/shadow-ui.ts)
  // and lives beside the shipped one, never in its place.
  ...(process.env.WXT_E2E === '1' && { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-e2e' }),
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  // No `window.__svelte.v` version stamp in the host page (nor its bytes in every bundle).
  // Templates built node by node ('tree') rather than parsed from an HTML string through
  // innerHTML, which `web-ext lint` flags (UNSAFE_VAR_ASSIGNMENT) in every bundle with a component.
  svelte: { vite: { compilerOptions: { discloseVersion: false, fragments: 'tree' } } },
  vite: () => ({
    plugins: [tailwindcss(), overlayCssForShadowRoots()],
    // Terser, three passes: about 5% under esbuild's minifier, gzipped; what keeps the script every
    // dashboard page loads within 30 KB and the background within 25 KB (npm run bench).
    // keep_fargs: false drops unused parameters; nothing here reads a function's `length`.
    build: { minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 3, keep_fargs: false }, format: { comments: false } } },
  }),
  // The sources package for addons.mozilla.org's reviewers: what `npm ci` and the build need, the
  // build and listing notes (docs/store/) and the local dashboard to try it on (`npm run replica`),
  // nothing else: any top-level folder or file not named here (the other tests, output folders
  // such as bench-results/ or demo-screenshots/) stays out, as do WXT's defaults (hidden files,
  // node_modules, *.test.ts) and the unit tests' support files. `@(!(…))`, not `!(…)`: WXT reads
  // a leading `!` as "not this pattern"; an included pattern wins over every exclusion.
  zip: {
    excludeSources: [
      '@(!(assets|components|entrypoints|lib|public))/**',
      '@(!(package.json|package-lock.json|tsconfig.json|wxt.config.ts|README.md|CHANGELOG.md))',
      '**/*.support.ts',
    ],
    includeSources: ['docs/store/*.md', 'docs/privacy.md', 'tests/replica/!(*.test).ts', 'tests/replica/page/**'],
  },
  hooks: {
    // The popup in a Vite build of its own, apart from the other pages: its first paint then waits
    // for one script file instead of half a dozen chunks shared with them, and each file a page
    // loads delays it more than its bytes do (`npm run bench`: the popup p50 ÷ the floor page's).
    'entrypoints:grouped': (_, groups) => {
      const pages = groups.find((group) => Array.isArray(group) && group.some((entry) => entry.type === 'popup'));
      if (!Array.isArray(pages) || pages.length < 2) return;
      groups.push(pages.splice(pages.findIndex((entry) => entry.type === 'popup'), 1));
    },
    // The toolbar button's name, in the person's language, until the badge's first paint names the
    // month's figures; set once the popup is merged in, as WXT would take the popup's <title>.
    'build:manifestGenerated': (_, manifest) => {
      manifest.action = { ...manifest.action, default_title: '__MSG_actionTitle__' };
    },
    'zip:extension:done': (wxt, path) => reproducibleZip(path, wxt.config.zip.compressionLevel),
    'zip:sources:done': (wxt, path) => reproducibleZip(path, wxt.config.zip.compressionLevel),
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
    homepage_url: HOMEPAGE,
    // storage: settings and the session cache; alarms: the badge's refresh; notifications:
    // budget alerts; scripting: the overlay on a dashboard origin the person granted at run time.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // Dashboards in development are reachable by default; any other dashboard origin is
    // requested at run time by the options page, so the install prompt stays minimal.
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // The first versions that read data_collection_permissions (MDN's compatibility data):
        // Firefox 140 on the desktop (an ESR), Firefox for Android 142. Nothing else the extension
        // uses is newer.
        gecko: {
          id: 'billing-overlay@fabrica-de-agentes.local',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
