/** Whether the extension may reach a dashboard origin (granted at install or by the options page). */
import { browser } from 'wxt/browser';

/** Permission patterns carry no port (Firefox refuses them): one grant covers a host's ports. */
export const originPattern = (origin: string): string => {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
};

/**
 * Where the overlay's content script is registered: exactly the origin, port included, where
 * match patterns know ports (Chromium). Firefox's do not, so there the script's own origin check
 * (entrypoints/dashboard.content) keeps it from doing anything on another port.
 */
export const contentScriptMatch = (origin: string): string => {
  const url = new URL(origin);
  return `${url.protocol}//${import.meta.env.FIREFOX ? url.hostname : url.host}/*`;
};

/** Development dashboards, reachable from install (manifest host_permissions). */
export const isBuiltInOrigin = (origin: string): boolean => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin);

export async function hasOriginPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}
