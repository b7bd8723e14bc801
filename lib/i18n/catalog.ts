/**
 * The extension's message catalogs (public/_locales/<lang>/messages.json) read by us rather
 * than by chrome.i18n, for a language the person chose over the browser's. Rendering follows
 * chrome.i18n's rules: $NAME$ placeholders whose content is $1..$9, positional $1..$9, $$.
 */
export interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

/** The languages the extension ships, by BCP 47 tag, with their catalog folders. */
export const LANGUAGES = { 'pt-BR': 'pt_BR', en: 'en' } as const;
export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_TAGS = Object.keys(LANGUAGES) as [Language, ...Language[]];
export const isLanguage = (tag: string): tag is Language => Object.hasOwn(LANGUAGES, tag);

export function renderMessage(entry: CatalogEntry | undefined, subs: string[]): string {
  if (!entry) return '';
  const positional = (text: string) =>
    text.replace(/\$\$|\$(\d)/g, (m, n: string | undefined) => (n === undefined ? '$' : (subs[Number(n) - 1] ?? '')));
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]),
  );
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (m, name?: string, n?: string) => {
    if (m === '$$') return '$';
    if (name !== undefined) {
      const content = placeholders[name.toLowerCase()];
      return content === undefined ? m : positional(content);
    }
    return subs[Number(n) - 1] ?? '';
  });
}
