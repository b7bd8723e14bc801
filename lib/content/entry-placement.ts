/**
 * Keeps our sidebar entry right after the host's Analytics section while Vue re-renders.
 * Analytics exists only while a project is selected; without it the entry waits after the
 * action buttons (or before "Assistentes") and moves behind Analytics the moment it appears.
 * Runs synchronously in a MutationObserver callback, i.e. before the next paint.
 */
import { MOUNTED_APP, SIDEBAR_SECTIONS, sectionTitled } from '@/lib/content/dashboard-dom';

/** Where the entry belongs in `sections`: the node it must follow, or null for "first". */
function anchorIn(sections: Element): { after: Element } | { before: Element } | null {
  const analytics = sectionTitled(sections, 'Analytics');
  if (analytics) return { after: analytics };
  const actions = sections.querySelector(':scope > div.space-y-2');
  if (actions) return { after: actions };
  const assistants = sectionTitled(sections, 'Assistentes');
  return assistants ? { before: assistants } : null;
}

/** Moves `entry` to its place if it is not there; returns false when there is no sidebar. */
export function placeEntry(entry: Element): boolean {
  const sections = document.querySelector(MOUNTED_APP)?.querySelector(SIDEBAR_SECTIONS);
  if (!sections) return false;
  const anchor = anchorIn(sections);
  if (!anchor) {
    if (entry.parentElement !== sections) sections.append(entry);
  } else if ('after' in anchor) {
    if (anchor.after.nextElementSibling !== entry) anchor.after.after(entry);
  } else if (anchor.before.previousElementSibling !== entry) {
    anchor.before.before(entry);
  }
  return true;
}

/** Re-places the entry after every change under #app until `signal` aborts. */
export function keepEntryPlaced(entry: Element, signal: AbortSignal): void {
  const app = document.querySelector('#app');
  if (!app) return;
  placeEntry(entry);
  const observer = new MutationObserver(() => placeEntry(entry));
  // The sidebar itself may be replaced, so watch the whole app, not one section list.
  observer.observe(app, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
