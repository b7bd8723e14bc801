/**
 * Reads the dashboard's own session from its localStorage and reports every change to the
 * background. The page signs in and out in this very tab, which fires no `storage` event here,
 * so a cheap poll catches those; other tabs' changes arrive through `storage` at once.
 */
import type { PageSession } from '../protocol';

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

/** Calls `onChange` with the current session now and after every change, until `signal` aborts. */
export function watchPageSession(onChange: (session: PageSession) => void, signal: AbortSignal): void {
  let last = readPageSession();
  onChange(last);
  const check = () => {
    const now = readPageSession();
    if (same(now, last)) return;
    last = now;
    onChange(now);
  };
  const timer = setInterval(check, POLL_MS);
  window.addEventListener('storage', check, { signal });
  document.addEventListener('visibilitychange', check, { signal });
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
