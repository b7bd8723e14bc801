/**
 * The host's own "not before": a 429 or 503 with Retry-After holds the billing requests of the
 * session that got it (from any surface, the badge's alarm included) until the time it named,
 * at most MAX_HOLD_MS ahead. Kept in storage.session (lib/storage/host-holds.ts), so a worker
 * restarted meanwhile still waits. A hold belongs to one sign-in: it is filed under a digest of
 * the token that got it, so a new sign-in (a new token) starts unheld, with no watcher to miss.
 */
import { hostHoldsItem, type Hold } from '@/lib/storage/host-holds';

/**
 * An hour. Longer than any wait this host means (its limiter counts per minute), and the
 * longest refresh interval the options offer; a longer Retry-After (a proxy's maintenance page,
 * a misconfigured server) would freeze the figures for the day with nothing the person could do.
 */
export const MAX_HOLD_MS = 60 * 60_000;

/** The token's SHA-256, cut to 128 bits: names its session in storage without holding the token. */
async function sessionOf(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The wait still running for this origin and session, if any. */
export async function holdOf(origin: string, token: string, now = Date.now()): Promise<Hold | null> {
  const hold = (await hostHoldsItem.getValue())[origin]?.[await sessionOf(token)];
  return hold && hold.until > now ? hold : null;
}

export async function holdOrigin(origin: string, token: string, hold: Hold): Promise<void> {
  const session = await sessionOf(token);
  await hostHoldsItem.update((all) => {
    if ((all[origin]?.[session]?.until ?? 0) >= hold.until) return all;
    // Expired holds (an earlier sign-in's among them) go with the next one, so the item never grows.
    const now = Date.now();
    const live = (holds: Record<string, Hold> = {}) => Object.entries(holds).filter(([, h]) => h.until > now);
    const kept = Object.entries(all).map(([o, holds]) => [o, Object.fromEntries(live(holds))] as const);
    const others = kept.filter(([o, holds]) => o !== origin && Object.keys(holds).length > 0);
    return { ...Object.fromEntries(others), [origin]: { ...Object.fromEntries(live(all[origin])), [session]: hold } };
  });
}

/**
 * Retry-After as an absolute time: delta seconds or an HTTP date, at most MAX_HOLD_MS ahead;
 * null when absent, unreadable or already past.
 */
export function retryAtFrom(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  const at = /^\d+$/.test(text) ? now + Number(text) * 1000 : Date.parse(text);
  if (!Number.isFinite(at) || at <= now) return null;
  return Math.min(at, now + MAX_HOLD_MS);
}
