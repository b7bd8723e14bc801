/**
 * Reads the dashboard's own session from its localStorage and reports every change to the
 * background. The page signs in and out in this very tab, which fires no `storage` event here,
 * so a cheap poll catches those; other tabs' changes arrive through `storage` at once.
 */
import type { ContentScriptContext } from '#imports';
import type { PageSession } from '@/lib/protocol/replies';

const POLL_MS = 1000;

export function readPageSession(): PageSession {
  try {
    return {
      token: localStorage.getItem('auth_token'),
      userData: localStorage.getItem('user_data'),
      currentTenant: localStorage.getItem('current_tenant'),
    };
  } catch {
    // Storage can be blocked by the browser's settings: then nobody is signed in for us.
    return { token: null, userData: null, currentTenant: null };
  }
}

const same = (a: PageSession, b: PageSession) =>
  a.token === b.token && a.userData === b.userData && a.currentTenant === b.currentTenant;

/**
 * Calls `onChange` with the current session now and after every change, until the context
 * ends. The poll runs on the context's timer, which is also how an extension reload is noticed:
 * each tick checks that the extension is still there, and invalidates the context if not.
 */
export function watchPageSession(onChange: (session: PageSession) => void, ctx: ContentScriptContext): void {
  const signal = ctx.signal;
  let last = readPageSession();
  onChange(last);
  const check = () => {
    const now = readPageSession();
    if (same(now, last)) return;
    last = now;
    onChange(now);
  };
  ctx.setInterval(check, POLL_MS);
  window.addEventListener('storage', check, { signal });
  document.addEventListener('visibilitychange', check, { signal });
  // The host's sign-out navigates away at once: one last look as the page goes.
  window.addEventListener('pagehide', check, { signal });
}
