/**
 * Translated UI text over the extension's i18n catalog (public/_locales/{pt_BR,en}). pt_BR is
 * the default locale; the browser picks English for English-speaking people.
 */
import { browser } from 'wxt/browser';
import { LANGUAGE_TAGS, renderMessage, type Catalog } from '@/lib/i18n/catalog';
import type defaultCatalog from '@/public/_locales/pt_BR/messages.json';

/** A language chosen in the options page over the browser's, with its catalog. */
let chosen: { locale: string; catalog: Catalog } | null = null;

/** Use `catalog` for `locale` from now on; null goes back to the browser's language. */
export function useLanguage(choice: { locale: string; catalog: Catalog } | null): void {
  chosen = choice;
}

/** A key of the default catalog; a unit test keeps the English one to the same keys. */
export type MessageKey = keyof typeof defaultCatalog;

/** The generated overloads of getMessage only know the keys present at `wxt prepare` time. */
type GetMessage = (name: string, substitutions?: string | string[]) => string;

/**
 * The message for `key` with `$1`..`$9` substitutions. Returns the key itself when the catalog
 * has no such message (never an empty label).
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  if (chosen) return renderMessage(chosen.catalog[key], substitutions.map(String)) || key;
  let text = '';
  try {
    const getMessage = browser.i18n.getMessage as unknown as GetMessage;
    text = substitutions.length
      ? getMessage(key, substitutions.map((s) => String(s)))
      : getMessage(key);
  } catch {
    text = '';
  }
  return text || key;
}

/** Locales the catalog holds; other UI languages fall back to the default (pt-BR). */
const CATALOG_LANGUAGES = LANGUAGE_TAGS.map((tag) => tag.split('-')[0]!.toLowerCase());
const DEFAULT_LOCALE = 'pt-BR';

/**
 * The BCP 47 tag to format numbers and dates with ("pt-BR", "en-US", "en"...). It follows the
 * browser's UI language when the catalog has that language, otherwise the default locale, so
 * numbers and dates always agree with the language of the surrounding text.
 */
export function uiLocale(): string {
  if (chosen) return chosen.locale;
  let lang = '';
  try {
    lang = browser.i18n.getUILanguage();
  } catch {
    lang = '';
  }
  const tag = (lang || '').replace(/_/g, '-');
  const primary = tag.split('-')[0]?.toLowerCase() ?? '';
  if (!CATALOG_LANGUAGES.includes(primary)) return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}
