/**
 * The host's own "not before": a 429 or 503 with Retry-After holds every request to that
 * origin (from any surface, the badge's alarm included) until the time it named. Kept in
 * storage.session, so a worker restarted meanwhile still waits.
 */
import { storage } from '#imports';

export interface Hold {
  /** Epoch ms before which nothing is sent to the origin. */
  until: number;
  /** The status that asked for the wait, repeated to whoever asks meanwhile. */
  status: number;
}

const holdsItem = storage.defineItem<Record<string, Hold>>('session:hostHolds', { fallback: {} });

/** The wait still running for `origin`, if any. */
export async function holdOf(origin: string, now = Date.now()): Promise<Hold | null> {
  const hold = (await holdsItem.getValue())[origin];
  return hold && hold.until > now ? hold : null;
}

export async function holdOrigin(origin: string, hold: Hold): Promise<void> {
  const all = await holdsItem.getValue();
  // Expired holds go with the next one, so the item never grows.
  const live = Object.fromEntries(Object.entries(all).filter(([, h]) => h.until > Date.now()));
  if ((live[origin]?.until ?? 0) >= hold.until) return;
  await holdsItem.setValue({ ...live, [origin]: hold });
}

/**
 * Retry-After as an absolute time: delta seconds or an HTTP date, at most a day ahead; null when
 * absent, unreadable or already past.
 */
export function retryAtFrom(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  const at = /^\d+$/.test(text) ? now + Number(text) * 1000 : Date.parse(text);
  if (!Number.isFinite(at) || at <= now) return null;
  return Math.min(at, now + 86_400_000);
}
