// Finds the browsers the tests drive. Chromium loads the unpacked extension: an explicit path,
// Playwright's own build where one is installed, or the system's. Firefox is driven through
// WebDriver BiDi: an explicit path or Debian's Firefox ESR. Playwright cannot download browsers
// on our machines, so the system's (Debian's `chromium`, `firefox-esr`) are the usual answers.
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

const canApt = () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** Installs Debian's chromium (and its translations) when we are root with apt; otherwise explains. */
export async function ensureChromium() {
  const found = await findChromium();
  if (found && !needsDebianLocales(found.path)) return found;
  if (found) {
    if (!canApt()) throw new Error('Chromium lacks its pt-BR translations: install `chromium-l10n` (Debian/Ubuntu).');
    console.log('[browser] installing chromium-l10n (Chromium UI translations) with apt-get ...');
    aptInstall(['chromium-l10n']);
    return found;
  }
  if (!canApt()) throw new Error(INSTALL_HINT);
  console.log('[browser] no Chromium found; installing Debian chromium with apt-get ...');
  aptInstall(['chromium', 'chromium-l10n']);
  const after = await findChromium();
  if (!after) throw new Error(INSTALL_HINT);
  return after;
}

export const FIREFOX_INSTALL_HINT =
  'No Firefox found. Install Debian/Ubuntu `sudo apt-get install -y firefox-esr firefox-esr-l10n-pt-br`, ' +
  'or point FIREFOX_PATH at a Firefox 142 or later (ESR or release).';

const FIREFOX_ESR = '/usr/bin/firefox-esr';
// Like Chromium's, Debian's Firefox speaks only English without its pt-BR language pack, and the
// extension's pt-BR UI follows the browser's language.
const FIREFOX_PT_BR_LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-pt-BR@firefox-esr.mozilla.org.xpi';
const needsFirefoxLangpack = (path) => path === FIREFOX_ESR && !existsSync(FIREFOX_PT_BR_LANGPACK);

/** @returns {{ path: string, source: string } | null} */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} does not exist. ${FIREFOX_INSTALL_HINT}`);
    return { path: fromEnv, source: 'FIREFOX_PATH' };
  }
  return existsSync(FIREFOX_ESR) ? { path: FIREFOX_ESR, source: 'system' } : null;
}

/** Installs Debian's firefox-esr (and its pt-BR language pack) when we are root with apt; otherwise explains. */
export async function ensureFirefox() {
  const found = findFirefox();
  if (found && !needsFirefoxLangpack(found.path)) return found;
  if (!canApt()) {
    throw new Error(found ? 'Firefox ESR lacks its pt-BR language pack: install `firefox-esr-l10n-pt-br` (Debian/Ubuntu).' : FIREFOX_INSTALL_HINT);
  }
  console.log('[browser] installing Debian firefox-esr and firefox-esr-l10n-pt-br with apt-get ...');
  aptInstall(found ? ['firefox-esr-l10n-pt-br'] : ['firefox-esr', 'firefox-esr-l10n-pt-br']);
  const after = findFirefox();
  if (!after) throw new Error(FIREFOX_INSTALL_HINT);
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
