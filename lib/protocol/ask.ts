/**
 * The UI side of the protocol: typed requests to the background. A dead extension context
 * (the extension was reloaded or updated under an open tab) becomes an "offline" reply
 * instead of an exception thrown into the host page.
 */
import { browser } from 'wxt/browser';
import type { Result } from '@/lib/billing/model';
import type { Request, ResponseMap } from '@/lib/protocol/replies';

export async function ask<R extends Request>(request: R): Promise<Result<ResponseMap[R['op']]>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Result<ResponseMap[R['op']]> | undefined;
    // No reply (the background sends none when a handler threw), or not one of ours: offline.
    return reply && typeof reply === 'object' && 'ok' in reply ? reply : { ok: false, error: { kind: 'offline' } };
  } catch {
    return { ok: false, error: { kind: 'offline' } };
  }
}
