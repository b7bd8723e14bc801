/**
 * The host's own "not before": a 429 or 503 with Retry-After holds every request to that
 * origin (from any surface, the badge's alarm included) until the time it named. Kept in
 * storage.session (lib/storage/host-holds.ts), so a worker restarted meanwhile still waits.
 */
import { hostHoldsItem, type Hold } from '@/lib/storage/host-holds';

/** The wait still running for `origin`, if any. */
export async function holdOf(origin: string, now = Date.now()): Promise<Hold | null> {
  const hold = (await hostHoldsItem.getValue())[origin];
  return hold && hold.until > now ? hold : null;
}

export async function holdOrigin(origin: string, hold: Hold): Promise<void> {
  await hostHoldsItem.update((all) => {
    if ((all[origin]?.until ?? 0) >= hold.until) return all;
    // Expired holds go with the next one, so the item never grows.
    const live = Object.entries(all).filter(([, h]) => h.until > Date.now());
    return { ...Object.fromEntries(live), [origin]: hold };
  });
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
