// ESLint for the whole repository: `npx eslint .` (part of `npm test`).
// Besides the recommended TypeScript and Svelte rules, it forbids every HTML sink: the extension
// builds its DOM from Svelte templates and text-taking DOM APIs, never by parsing HTML, so
// nothing the server sends can become markup. It also keeps the import boundaries between the
// layers of lib/ (README "Layout").
import js from '@eslint/js';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noHtml = 'No HTML sinks: build DOM from text, never parse HTML.';
/** In the product, not even a read of these: no-unsanitized covers writes and calls only. */
const htmlSinkMentions = [
  { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment)$/]", message: noHtml },
  { selector: "MemberExpression[property.value=/^(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment)$/]", message: noHtml },
  { selector: "SvelteDirective[kind='Binding'][key.name.name=/^(innerHTML|outerHTML)$/]", message: noHtml },
];
const noDomParser = { name: 'DOMParser', message: noHtml };

/*
 * Import boundaries, matched on the import's path: project files are imported as `@/folder/...`
 * only, so a prefix names a layer. Source files only: tests may import across layers. A file
 * takes no-restricted-imports from the last block that matches it, so the zones below do not
 * overlap and each lists every ban it needs; `boundary` adds the `@/`-only rule to each.
 */
const ban = (regex, message) => ({ regex, message });
const throughAlias = ban('^(\\.{1,2}|~~?|@@)(/|$)', "Import project files as '@/...': the layer boundaries match on that path.");
const noBackground = ban('^@/lib/background(/|$)', 'Only the background imports lib/background; other code asks it through lib/protocol.');
const noSurface = ban('^@/(components|entrypoints|lib/(background|content|ui))(/|$)', 'A lower layer never imports a surface (components, entrypoints, lib/background, lib/content, lib/ui).');
const inPage = 'Code that runs in the host page reads settings through @/lib/storage/content-script-read only: WXT storage stays out of the content script (bundle budget, npm run bench).';
const pageStorage = [ban('^@/lib/storage(/(?!content-script-read$)|$)', inPage), ban('^(wxt/utils/storage|@wxt-dev/storage)(/|$)', inPage)];
const noZod = ban('^zod(/|$)', 'No zod in code that runs in the host page (bundle budget, npm run bench); the background validates.');
const onlyBilling = ban('^@/(?!lib/billing/)', 'lib/billing is the pure domain: it imports no other layer.');
const noBrowserApi = ban('^(wxt|#imports|webextension-polyfill|@wxt-dev)(/|$)', 'lib/billing is pure: no browser or WXT API.');
/** `globals`: names WXT auto-imports (or the browser provides) that the zone may not use unimported. */
const boundary = (files, { patterns = [], paths = [], globals = [], ignores = [] }) => ({
  files,
  ignores: ['**/*.test.ts', ...ignores],
  rules: {
    'no-restricted-imports': ['error', { paths, patterns: [throughAlias, ...patterns] }],
    ...(globals.length > 0 && { 'no-restricted-globals': ['error', noDomParser, ...globals] }),
  },
});
/** Host-page code: lib/content, its components and the content script's entry point. */
const hostPage = ['lib/content/**', 'components/overlay/**', 'entrypoints/*.content/**', 'entrypoints/*.content.ts'];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', 'demo-screenshots/', 'web-ext-artifacts/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      'no-restricted-globals': ['error', noDomParser],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='DOMParser']", message: noHtml }],
      'no-restricted-properties': [
        'error',
        { object: 'document', property: 'write', message: noHtml },
        { object: 'document', property: 'writeln', message: noHtml },
      ],
      'svelte/no-at-html-tags': 'error',
      // `{' '}` keeps a space Svelte would trim at the start of a block.
      'svelte/no-useless-mustaches': 'off',
      // `const { dropped: _, ...rest } = x` is how a key is left out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    rules: { 'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='DOMParser']", message: noHtml }, ...htmlSinkMentions] },
  },
  boundary(['lib/**', 'components/**', 'entrypoints/**'], {}),
  boundary(hostPage, {
    patterns: [noBackground, ...pageStorage, noZod],
    paths: [{ name: '#imports', importNames: ['storage'], message: inPage }],
    globals: [{ name: 'storage', message: inPage }],
  }),
  // The extension's pages and the contract reach the background by message only.
  boundary(['lib/ui/**', 'lib/protocol/**', 'components/**', 'entrypoints/*/**'], {
    ignores: [...hostPage, 'entrypoints/background/**'],
    patterns: [noBackground],
  }),
  boundary(['lib/host/**', 'lib/storage/**'], { patterns: [noSurface] }),
  boundary(['lib/billing/**'], {
    patterns: [onlyBilling, noBrowserApi],
    globals: ['browser', 'chrome', 'storage'].map((name) => ({ name, message: 'lib/billing is pure: no browser or WXT API.' })),
  }),
  {
    // Tests feed parsers hostile and half-built shapes on purpose.
    files: ['tests/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The replica of the host's page: plain browser script in the host's own ES5 style, Vue global.
    files: ['tests/replica/page/**'],
    languageOptions: { globals: { Vue: 'readonly' } },
    rules: {
      '@typescript-eslint/no-this-alias': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }], // ES5: catch needs a binding
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // TypeScript checks names itself (and knows WXT's auto-imports, which ESLint does not).
    files: ['**/*.ts', '**/*.svelte'],
    rules: { 'no-undef': 'off' },
  },
);
