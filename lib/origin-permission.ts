/** Whether the extension may reach a dashboard origin (granted at install or by the options page). */
import { browser } from 'wxt/browser';

/** Match patterns have no port in Firefox; the origin check in the content script is exact. */
export const originPattern = (origin: string): string => {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
};

/** Development dashboards, reachable from install (manifest host_permissions + content script). */
export const isBuiltInOrigin = (origin: string): boolean => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin);

export async function hasOriginPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}
