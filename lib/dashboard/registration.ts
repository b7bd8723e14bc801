/**
 * The in-page overlay runs on the dashboards' origins only, the default one included: its
 * content script is registered at run time for exactly those origins (port and all, where the
 * browser's match patterns know ports), so no other page — another local web app on localhost
 * included — runs it or hears WXT's start message. Only the background registers it, kept true
 * to what is granted: at start-up, when the dashboards change, and when permissions change.
 */
import { browser } from 'wxt/browser';
import { contentScriptMatch, hasOriginPermission, isBuiltInOrigin, originPattern } from '@/lib/dashboard/permission';
import { dashboardsOf, settingsItem } from '@/lib/storage/settings';
import { serially } from '@/lib/storage/stored-item';

export const SCRIPT_ID = 'dashboard-configured-origin';
const SCRIPT_FILE = 'content-scripts/dashboard.js';
/** From the page's first byte: the session is reported while the host's page builds (see the entrypoint). */
const RUN_AT = 'document_start';

/**
 * Syncs run one after another (the background's start and its watches may fire together), each
 * for the dashboards stored when it runs: a sync that read an older list could otherwise land
 * last. `leftOrigins`: addresses just removed, whose grants may go.
 */
export function syncDashboardRegistration(leftOrigins: string[] = []): Promise<void> {
  return serially('dashboard-registration', async () => sync(dashboardsOf(await settingsItem.getValue()).map((d) => d.origin), leftOrigins))
    .catch(() => undefined);
}

async function sync(origins: string[], leftOrigins: string[]): Promise<void> {
  // A removed address's permission goes, unless a dashboard still watched needs the very same
  // grant (the same host on another port: permission patterns carry no port).
  const needed = new Set(origins.map(originPattern));
  const goes = leftOrigins.filter((origin) => !isBuiltInOrigin(origin) && !needed.has(originPattern(origin)));
  if (goes.length > 0) await browser.permissions.remove({ origins: [...new Set(goes.map(originPattern))] }).catch(() => false);
  const granted = await Promise.all(origins.map(hasOriginPermission));
  const wanted = [...new Set(origins.filter((_, i) => granted[i]).map(contentScriptMatch))].sort();
  const [current] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  // A registration kept from an earlier version, at another run time, is made again.
  if (current && current.runAt === RUN_AT && String(current.matches?.toSorted()) === String(wanted) && wanted.length > 0) return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (wanted.length === 0) return;
  await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, matches: wanted, js: [SCRIPT_FILE], runAt: RUN_AT }]);
}
