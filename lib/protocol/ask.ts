/**
 * The UI side of the protocol: typed requests to the background. A dead extension context
 * (the extension was reloaded or updated under an open tab) becomes an "offline" reply
 * instead of an exception thrown into the host page.
 */
import { browser } from 'wxt/browser';
import type { Result } from '@/lib/billing/model';
import type { Request, ResponseMap } from '@/lib/protocol/replies';

/**
 * `dashboard`: another of the person's dashboards to ask about (an extension page's switcher or
 * overview); without it, the chosen one, or a dashboard tab's own.
 */
export async function ask<R extends Request>(request: R, dashboard?: string): Promise<Result<ResponseMap[R['op']]>> {
  try {
    const message = dashboard === undefined ? request : { ...request, dashboard };
    const reply = (await browser.runtime.sendMessage(message)) as Result<ResponseMap[R['op']]> | undefined;
    // No reply (the background sends none when a handler threw), or not one of ours: offline.
    return reply && typeof reply === 'object' && 'ok' in reply ? reply : { ok: false, error: { kind: 'offline' } };
  } catch {
    return { ok: false, error: { kind: 'offline' } };
  }
}
