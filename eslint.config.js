// ESLint for the whole repository: `npx eslint .` (part of `npm test`).
// Besides the recommended TypeScript and Svelte rules, it forbids every HTML sink: the extension
// builds its DOM from Svelte templates and text-taking DOM APIs, never by parsing HTML, so
// nothing the server sends can become markup.
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

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', 'demo-screenshots/', 'web-ext-artifacts/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      'no-restricted-globals': ['error', { name: 'DOMParser', message: noHtml }],
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
