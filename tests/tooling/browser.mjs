// Finds a Chromium that can load an unpacked extension: an explicit path, Playwright's own
// build where one is installed, or the system's. Playwright cannot download browsers on our
// machines, so the system Chromium (Debian's `chromium`) is the usual answer.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const INSTALL_HINT =
  'No Chromium found. Install one of: Debian/Ubuntu `sudo apt-get install -y chromium chromium-l10n`; ' +
  'or `npx playwright install chromium` where downloads work; ' +
  'or point CHROMIUM_PATH at a Chromium/Chrome for Testing binary.';

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** @returns {Promise<{ path: string, source: string } | null>} */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return { path: fromEnv, source: 'CHROMIUM_PATH' };
  }
  const bundled = await playwrightChromium();
  if (bundled) return { path: bundled, source: "Playwright's Chromium" };
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  return system ? { path: system, source: 'system' } : null;
}

// Debian ships Chromium's UI translations apart; without them chrome.i18n is English only and
// the extension's pt-BR UI cannot be shown or tested.
const DEBIAN_LOCALES = '/usr/lib/chromium/locales';
const needsDebianLocales = (path) => path === '/usr/bin/chromium' && !existsSync(`${DEBIAN_LOCALES}/pt-BR.pak`);

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

/** Installs Debian's chromium (and its translations) when we are root with apt; otherwise explains. */
export async function ensureChromium() {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  const found = await findChromium();
  if (found && !needsDebianLocales(found.path)) return found;
  if (found) {
    if (!canApt) throw new Error('Chromium lacks its pt-BR translations: install `chromium-l10n` (Debian/Ubuntu).');
    console.log('[browser] installing chromium-l10n (Chromium UI translations) with apt-get ...');
    aptInstall(['chromium-l10n']);
    return found;
  }
  if (!canApt) throw new Error(INSTALL_HINT);
  console.log('[browser] no Chromium found; installing Debian chromium with apt-get ...');
  aptInstall(['chromium', 'chromium-l10n']);
  const after = await findChromium();
  if (!after) throw new Error(INSTALL_HINT);
  return after;
}

/**
 * Flags for a Chromium on a closed network: without the background-networking switches it
 * keeps trying to reach Google's hosts; root needs --no-sandbox.
 */
export function chromiumArgs(extensionDir) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
