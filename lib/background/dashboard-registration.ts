/**
 * Makes the in-page overlay run on a dashboard beyond localhost: once the person granted that
 * origin (options page), its content script is registered there; when the address changes,
 * the old registration and the old origin's permission go, so access never outlives its use.
 * It also follows access granted or withdrawn without an address change (the options page's
 * "Allow access", Firefox's Permissions tab of the add-on: docs/firefox.md).
 */
import { browser } from 'wxt/browser';
import { hasOriginPermission, isBuiltInOrigin, originPattern } from '../origin-permission';

export const SCRIPT_ID = 'dashboard-configured-origin';

async function sync(origin: string, previousOrigin?: string): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (previousOrigin && previousOrigin !== origin && !isBuiltInOrigin(previousOrigin)) {
    await browser.permissions.remove({ origins: [originPattern(previousOrigin)] }).catch(() => false);
  }
  if (isBuiltInOrigin(origin) || !(await hasOriginPermission(origin))) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: [originPattern(origin)], js: ['content-scripts/dashboard.js'], runAt: 'document_idle' },
  ]);
}

/** One sync at a time: an address change removes a permission, and that change asks for a sync too. */
let queue: Promise<unknown> = Promise.resolve();

export function syncDashboardRegistration(origin: string, previousOrigin?: string): Promise<void> {
  const run = queue.then(() => sync(origin, previousOrigin));
  queue = run.catch(() => undefined);
  return run;
}
