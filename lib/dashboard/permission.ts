/**
 * Whether the extension may reach a dashboard origin, and asking for it. Chromium grants the
 * manifest's host_permissions at install; Firefox lets the person withhold or withdraw them at
 * any time (docs/firefox.md), so every origin, localhost too, is checked and asked for alike.
 */
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

/**
 * Asks the browser, and so the person, for an origin. Call it first thing in a click's handler:
 * the browsers refuse requests made outside one. Refused or failed means false.
 */
export function requestOriginPermission(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
}
