/**
 * When cached figures are fresh: younger than the person's refresh interval, and their last
 * refresh did not fail. Shared by the background's cache and the popup's first paint.
 */
export function isFresh(entry: { snapshot: { fetchedAt: number }; refreshError: unknown }, ttlMs: number, now = Date.now()): boolean {
  return !entry.refreshError && now - entry.snapshot.fetchedAt < ttlMs;
}
