/** Client-side paging of an already loaded list (the full page's invoices). Pure. */

export interface PageOf<T> {
  /** The items on this page (a copy; the input is never changed). */
  items: T[];
  /** The page shown, 1-based, clamped to 1..pageCount. */
  page: number;
  /** How many pages there are; at least 1 (an empty list has one empty page). */
  pageCount: number;
  /** How many items in all. */
  total: number;
  /** 0-based index of the page's first item in `items` of the whole list. */
  start: number;
}

/**
 * Page `page` (1-based) of `items`, `size` per page. Out-of-range or non-integer pages are
 * clamped to the nearest page (NaN → 1); a size below 1 or not finite counts as 1.
 */
export function pageOf<T>(items: readonly T[], page: number, size: number): PageOf<T> {
  const per = Number.isFinite(size) && size >= 1 ? Math.floor(size) : 1;
  const total = items.length;
  const pageCount = Math.max(1, Math.ceil(total / per));
  const wanted = Number.isFinite(page) ? Math.floor(page) : Number.isNaN(page) ? 1 : page > 0 ? pageCount : 1;
  const current = Math.min(pageCount, Math.max(1, wanted));
  const start = (current - 1) * per;
  return { items: items.slice(start, start + per), page: current, pageCount, total, start };
}
