/**
 * What a web page can hear of our content script: a listener the page itself installs before any
 * of its scripts run (Playwright's addInitScript, puppeteer's evaluateOnNewDocument), as a
 * fingerprinting script would. The in-page functions are serialised into the browser, so each one
 * stands alone: no imports, no closures, no named inner functions (see tests/tooling/page-steps.ts).
 */

/**
 * In the dashboard's page, before any page script runs (again at each navigation): records every
 * `message` event on the window whose data names the extension (`runtimeId`, its runtime.id) or
 * WXT, and any event of the names WXT gives its content scripts' own events (the start message as
 * a window or document event, as later WXT versions send it; the location watcher's event). Kept
 * in sessionStorage, which lasts through the tab's navigations on the dashboard's origin (login, then "/").
 */
export function recordExtensionTraces(runtimeId: string): void {
  const wxtEvents = ['wxt:content-script-started', 'wxt:locationchange'].flatMap((name) => [name, `${runtimeId}:dashboard:${name}`]);
  const listened: [EventTarget, string][] = [[window, 'message'], ...wxtEvents.flatMap((type): [EventTarget, string][] => [[window, type], [document, type]])];
  for (const [target, type] of listened) {
    target.addEventListener(type, (event) => {
      const data = event instanceof MessageEvent ? event.data : (event as CustomEvent).detail;
      let text: string;
      try {
        text = JSON.stringify(data) ?? String(data);
      } catch {
        text = String(data);
      }
      if (type !== 'message' || text.includes(runtimeId) || /wxt/i.test(text)) {
        const kept: string[] = JSON.parse(sessionStorage.getItem('__extensionTraces') ?? '[]');
        sessionStorage.setItem('__extensionTraces', JSON.stringify([...kept, `${type} on ${target === window ? 'window' : 'document'}: ${text}`]));
      }
    }, true);
  }
}

/** In the dashboard's page: what `recordExtensionTraces` recorded so far in this tab. */
export function extensionTraces(): string[] {
  return JSON.parse(sessionStorage.getItem('__extensionTraces') ?? '[]');
}

/**
 * In the dashboard's page: posts WXT's start message as a page can (its type is the extension's id,
 * the entry point's name and a fixed suffix), twice with new ids, as a newer copy of our script
 * would have; resolves once a message posted after them has reached the page's own listener, so
 * every listener, the content script's included, has had them.
 */
export function replayWxtStartMessage(runtimeId: string): Promise<void> {
  for (const messageId of ['replayed-1', 'replayed-2']) {
    window.postMessage({ type: `${runtimeId}:dashboard:wxt:content-script-started`, contentScriptName: 'dashboard', messageId }, '*');
  }
  return new Promise((resolve) => {
    window.addEventListener('message', (event) => event.data === 'replayed-after' && resolve());
    window.postMessage('replayed-after', '*');
  });
}
