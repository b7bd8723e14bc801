import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { WxtVitest } from 'wxt/testing';

// WXT's test setup imports `wxt/testing`, whose index also loads WXT's Vite plugin and with
// it esbuild, which refuses to start under jsdom. Tests only need the fake browser from it.
const fakeBrowserOnly = fileURLToPath(new URL('./node_modules/wxt/dist/testing/fake-browser.mjs', import.meta.url));

export default defineConfig({
  plugins: [WxtVitest(), svelte()],
  resolve: {
    conditions: ['browser'],
    alias: [{ find: /^wxt\/testing$/, replacement: fakeBrowserOnly }],
  },
  test: {
    environment: 'jsdom',
    // Unit tests sit beside their module; suites that test no one module (the replica, the lint) in tests/.
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'entrypoints/**/*.test.ts', 'tests/replica/**/*.test.ts', 'tests/lint/**/*.test.ts'],
    setupFiles: ['tests/support/setup.ts'],
    restoreMocks: true,
  },
});
