/**
 * Where things are in the host's page (docs/host.md section 1). Vue mounts on #app and marks it
 * with data-v-app; anything we insert before that is wiped by the mount, so we wait for it.
 */
export const MOUNTED_APP = '#app[data-v-app]';
export const SIDEBAR_SECTIONS = 'aside.sidebar-desktop > div.p-4';

/** A titled sidebar section ("Analytics", "Assistentes"): titles are not translated by the host. */
export function sectionTitled(sections: Element, title: string): Element | null {
  for (const child of sections.children) {
    const h3 = child.firstElementChild;
    if (h3?.tagName === 'H3' && h3.textContent?.trim() === title && child.classList.contains('border-t')) return child;
  }
  return null;
}

/** Resolves with the sidebar's section container once Vue has mounted, or null if aborted. */
export function waitForSidebar(signal: AbortSignal): Promise<Element | null> {
  const find = () => document.querySelector(MOUNTED_APP)?.querySelector(SIDEBAR_SECTIONS) ?? null;
  const found = find();
  if (found || signal.aborted) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const sections = find();
      if (sections) finish(sections);
    });
    const finish = (value: Element | null) => {
      observer.disconnect();
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(null);
    signal.addEventListener('abort', onAbort);
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-v-app'] });
  });
}
