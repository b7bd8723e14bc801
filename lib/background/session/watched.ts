/**
 * Only the dashboards in the settings, where the browser grants access, are watched. An origin
 * that stops being watched (removed in the options, Firefox's site access withdrawn)
 * forgets its session and cached figures at once: switching back must never reuse the last
 * person's token, nor show their figures, before a tab has reported who is signed in now.
 */
import { browser } from 'wxt/browser';
import { hasOriginPermission } from '@/lib/dashboard/permission';
import { dashboardsOf, settingsItem, type Settings } from '@/lib/storage/settings';
import { forgetPlace, knownPlaces } from '@/lib/background/session/session';
import { forgetRemovedDashboards } from '@/lib/background/session/removed-dashboards';

/** Forgets every place (in any cookie store) with a session or cached figures on an origin not watched now. */
export async function forgetUnwatched(): Promise<void> {
  const origins = originsOf(await settingsItem.getValue());
  const [granted, places] = await Promise.all([Promise.all(origins.map(hasOriginPermission)), knownPlaces()]);
  const watched = new Set(origins.filter((_, i) => granted[i]));
  await Promise.all(places.filter((place) => !watched.has(place.origin)).map(forgetPlace));
}

const originsOf = (settings: Settings) => dashboardsOf(settings).map((d) => d.origin);

/**
 * At every start (a change may have come while the background slept) and whenever the address
 * changes or access is withdrawn; a dashboard removed from the list also forgets what else is
 * kept of it (./removed-dashboards.ts), told by the change (storage changes wake the worker).
 * Added at start-up, with the background's other listeners.
 */
export function forgetOriginsNoLongerWatched(): void {
  const sweep = () => void forgetUnwatched().catch(() => undefined);
  sweep();
  settingsItem.watch((settings, previous) => {
    if (String(originsOf(settings)) === String(originsOf(previous))) return;
    sweep();
    void forgetRemovedDashboards(settings, previous).catch(() => undefined);
  });
  browser.permissions.onRemoved.addListener(sweep);
}
