import { existsSync } from 'node:fs';
import { ensureChromium } from '../tooling/browser.mjs';
import { EXTENSION_DIR, SHIPPED_EXTENSION_DIR, buildForTests } from '../tooling/extension-browser';

// Builds the extension once per run (npm test builds it just before and says so with
// E2E_PREBUILT=1), and finds the browser before any test starts so a missing one fails once,
// with a clear message.
export default async function globalSetup(): Promise<void> {
  const browser = await ensureChromium();
  process.env.E2E_CHROMIUM_PATH = browser.path;
  console.log(`[e2e] Chromium: ${browser.path} (${browser.source})`);
  if (process.env.E2E_PREBUILT === '1' && existsSync(EXTENSION_DIR) && existsSync(SHIPPED_EXTENSION_DIR)) return;
  buildForTests({ shipped: true });
}
