/**
 * The in-page overlay runs on the configured dashboard origin only, the default one included:
 * its content script is registered at run time for exactly that origin (port and all, where the
 * browser's match patterns know ports), so no other page — another local web app on localhost
 * included — runs it or hears WXT's start message. Only the background registers it, kept true
 * to what is granted: at start-up, when the address changes, and when permissions change.
 */
import { browser } from 'wxt/browser';
import { contentScriptMatch, hasOriginPermission, isBuiltInOrigin, originPattern } from '@/lib/dashboard/permission';
import { settingsItem } from '@/lib/storage/settings';
import { serially } from '@/lib/storage/stored-item';

export const SCRIPT_ID = 'dashboard-configured-origin';
const SCRIPT_FILE = 'content-scripts/dashboard.js';
/** From the page's first byte: the session is reported while the host's page builds (see the entrypoint). */
const RUN_AT = 'document_start';

/**
 * Syncs run one after another (the background's start and its watches may fire together), each
 * for the address stored when it runs: a sync that read an older address could otherwise land
 * last. `previousOrigin`: the address just left, whose grant may go.
 */
export function syncDashboardRegistration(previousOrigin?: string): Promise<void> {
  return serially('dashboard-registration', async () => sync((await settingsItem.getValue()).dashboardOrigin, previousOrigin))
    .catch(() => undefined);
}

async function sync(origin: string, previousOrigin?: string): Promise<void> {
  // The old address's permission goes, unless the new one needs the very same grant (same
  // host on another port: permission patterns carry no port).
  if (previousOrigin && !isBuiltInOrigin(previousOrigin) && originPattern(previousOrigin) !== originPattern(origin)) {
    await browser.permissions.remove({ origins: [originPattern(previousOrigin)] }).catch(() => false);
  }
  const wanted = (await hasOriginPermission(origin)) ? contentScriptMatch(origin) : null;
  const [current] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  // A registration kept from an earlier version, at another run time, is made again.
  if (current && wanted && current.matches?.length === 1 && current.matches[0] === wanted && current.runAt === RUN_AT) return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!wanted) return;
  await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, matches: [wanted], js: [SCRIPT_FILE], runAt: RUN_AT }]);
}
