import { defineConfig } from '@playwright/test';

// One Chromium per test (a fresh profile each time), two at once: the machines have 2 cores.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: true,
  // One retry in CI only: a test that fails twice fails the run, and a retried one is reported flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure' },
});
