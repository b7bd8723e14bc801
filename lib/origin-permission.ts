/** Whether the extension may reach a dashboard origin (granted at install or by the options page). */
import { browser } from 'wxt/browser';

export const originPattern = (origin: string): string => `${new URL(origin).origin}/*`;

export async function hasOriginPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}
