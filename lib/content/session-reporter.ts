/**
 * Reports the page's session to the background from the first moment on the dashboard's
 * origin, sidebar or not: the host's sign-out clears localStorage and goes to /login at once,
 * and /login has no sidebar, so waiting for one would never report the sign-out. Answers
 * older than the latest report are dropped (a quick sign-in then sign-out stays signed out).
 */
import type { ContentScriptContext } from '#imports';
import { ask } from '@/lib/protocol/ask';
import type { Access } from '@/lib/protocol/replies';
import { watchPageSession } from '@/lib/content/page-session';

export function reportPageSession(ctx: ContentScriptContext, onAccess: (access: Access | null) => void): void {
  let latest = 0;
  watchPageSession(async (session) => {
    const report = ++latest;
    const reply = await ask({ op: 'session.report', session });
    if (report !== latest || ctx.isInvalid) return;
    onAccess(reply.ok ? reply.value : null);
  }, ctx);
}
