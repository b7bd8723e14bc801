/**
 * Locale-aware formatting of the billing model for display. Pure functions: the locale is
 * always passed in (see uiLocale() in lib/i18n/index.ts), so they are easy to test.
 */
import type { Money } from '@/lib/billing/model';

/**
 * Intl formatters, one per locale and options. Building one costs far more than using it: in a
 * fresh tab the first takes tens of milliseconds (ICU's data) and each later one about 0.1 ms,
 * against microseconds to format, and a modal formats some fifty values. Bounded: the currency
 * codes come from the server.
 */
function formatterCache<F, O>(make: (locale: string, options: O) => F): (locale: string, options: O) => F {
  const made = new Map<string, F>();
  return (locale, options) => {
    const key = `${locale} ${JSON.stringify(options)}`;
    let formatter = made.get(key);
    if (formatter === undefined) {
      formatter = make(locale, options);
      if (made.size >= 100) made.clear();
      made.set(key, formatter);
    }
    return formatter;
  };
}
export const numberFormat = formatterCache((locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options));
export const dateFormat = formatterCache((locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options));
const relativeFormat = formatterCache((locale, options: Intl.RelativeTimeFormatOptions) => new Intl.RelativeTimeFormat(locale, options));

/** Money (integer cents) in the data's own currency, e.g. "R$ 27,02" (pt-BR) / "R$27.02" (en). */
export function formatMoney(m: Money, locale: string): string {
  const value = Number.isFinite(m.cents) ? m.cents / 100 : 0;
  try {
    return numberFormat(locale, { style: 'currency', currency: m.currency }).format(value);
  } catch {
    // Unknown currency code: still show the amount, with the code the data named.
    const amount = numberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(value);
    return `${m.currency} ${amount}`.trim();
  }
}

/** The sign a locale writes a currency with: "R$" for BRL, "US$" for USD in pt-BR. */
export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = numberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** A whole count with the locale's grouping: 15420 → "15.420" (pt-BR) / "15,420" (en). */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(
    Number.isFinite(n) ? n : 0,
  );
}

/** A measured amount (MB, minutes, a multiple) with at most one decimal: 1250 → "1.250", 10.5 → "10,5". */
export function formatAmount(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(Number.isFinite(n) ? n : 0);
}

function fixed(n: number, digits: number, locale: string): string {
  return numberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);
}

/**
 * Token counts like the host's seed: below 1 000 as is, then K with one decimal, then M with
 * two: 950 → "950", 12 500 → "12,5K", 1 050 000 → "1,05M" (pt-BR; "12.5K" / "1.05M" in en).
 */
export function formatTokens(n: number, locale: string): string {
  if (!Number.isFinite(n) || n === 0) return '0';
  const abs = Math.abs(n);
  // 999 960 would round to "1000,0K": switch to M where K would reach 1000.
  if (Math.round(abs / 100) / 10 >= 1000) return `${fixed(n / 1_000_000, 2, locale)}M`;
  if (abs >= 1000) return `${fixed(n / 1000, 1, locale)}K`;
  return formatCount(n, locale);
}

/**
 * Storage in megabytes with one decimal, switching to gigabytes (1 GB = 1024 MB) from 1024 MB:
 * 850 → "850,0 MB", 1250 → "1,2 GB" (pt-BR).
 */
export function formatStorageMb(mb: number, locale: string): string {
  const value = Number.isFinite(mb) ? mb : 0;
  // Decide on the displayed (rounded) value, so 1023,96 MB never shows as "1.024,0 MB".
  const gb = Math.abs(Math.round(value * 10) / 10) >= 1024;
  return numberFormat(locale, {
    style: 'unit',
    unit: gb ? 'gigabyte' : 'megabyte',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(gb ? value / 1024 : value);
}

/** `part` as a percentage (0..100) of `total`; 0 when the total is 0 or either is invalid. */
export function formatShare(part: number, total: number): number {
  if (!Number.isFinite(part) || !Number.isFinite(total) || total <= 0 || part <= 0) return 0;
  return Math.min(100, (part / total) * 100);
}

/** A 0..100 percentage as text, whole numbers: 42.4 → "42%". */
export function formatPercent(pct: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    (Number.isFinite(pct) ? pct : 0) / 100,
  );
}

const MONTHS: Record<string, number> = {
  january: 0, february: 1, march: 2, april: 3, may: 4, june: 5,
  july: 6, august: 7, september: 8, october: 9, november: 10, december: 11,
  jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
};

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m && date.getUTCDate() === d;
}

/** The calendar day a host date names, as UTC midnight (epoch ms): "2026-10-26T12:03:15" → 26 Oct. */
export function calendarDay(iso: string): number | null {
  const full = ISO_DATE.exec(iso.trim());
  if (!full) return null;
  const [y, m, d] = [Number(full[1]), Number(full[2]) - 1, Number(full[3])];
  return validDate(y, m, d) ? Date.UTC(y, m, d) : null;
}

function monthYear(year: number, month: number, locale: string): string {
  return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month, 1),
  );
}

/**
 * A host date for display. Full dates ("2026-12-10T12:03:16.032560", "2026-12-10") → the
 * locale's numeric date ("10/12/2026" pt-BR); months ("2026-10", "November 2026") → month and
 * year ("outubro de 2026"). Anything else is returned unchanged.
 */
export function formatDate(iso: string, locale: string): string {
  const s = iso.trim();
  const numeric = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;

  const full = ISO_DATE.exec(s);
  if (full) {
    const y = Number(full[1]);
    const m = Number(full[2]) - 1;
    const d = Number(full[3]);
    if (!validDate(y, m, d)) return iso;
    if (full[7]) {
      // An instant with a zone: show the person's local calendar date.
      const t = Date.parse(s.replace(/(\.\d{3})\d+/, '$1'));
      if (Number.isFinite(t)) return dateFormat(locale, numeric).format(t);
    }
    // No zone: the calendar date as the host wrote it.
    return dateFormat(locale, { ...numeric, timeZone: 'UTC' }).format(Date.UTC(y, m, d));
  }

  const ym = /^(\d{4})-(\d{2})$/.exec(s);
  if (ym) {
    const month = Number(ym[2]) - 1;
    if (month < 0 || month > 11) return iso;
    return monthYear(Number(ym[1]), month, locale);
  }

  const named = /^([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(s);
  if (named) {
    const month = MONTHS[named[1]!.toLowerCase()];
    if (month === undefined) return iso;
    return monthYear(Number(named[2]), month, locale);
  }
  return iso;
}

/** How long ago (or until) `epochMs` is, e.g. "há 2 minutos" / "2 minutes ago", "agora". */
export function formatRelativeTime(epochMs: number, nowMs: number, locale: string): string {
  const rtf = relativeFormat(locale, { numeric: 'auto' });
  const seconds = (epochMs - nowMs) / 1000;
  const abs = Math.abs(seconds);
  if (!Number.isFinite(seconds) || abs < 45) return rtf.format(0, 'second');
  const minutes = seconds / 60;
  if (Math.abs(minutes) < 45) return rtf.format(Math.round(minutes) || Math.sign(minutes), 'minute');
  const hours = minutes / 60;
  if (Math.abs(hours) < 22) return rtf.format(Math.round(hours) || Math.sign(hours), 'hour');
  const days = hours / 24;
  if (Math.abs(days) < 26) return rtf.format(Math.round(days), 'day');
  const months = days / 30.4375;
  if (Math.abs(months) < 11) return rtf.format(Math.round(months) || Math.sign(months), 'month');
  return rtf.format(Math.round(days / 365.25) || Math.sign(days), 'year');
}
