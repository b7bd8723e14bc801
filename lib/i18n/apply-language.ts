/**
 * Applies the language chosen in the options page ("auto" follows the browser). Pages apply
 * it before they mount; the catalog comes from the background (see lib/background/catalog.ts).
 */
import type { Catalog, Language } from '@/lib/i18n/catalog';
import { useLanguage } from '@/lib/i18n';
import type { Settings } from '@/lib/storage/settings';

export type CatalogLoader = (language: Language) => Promise<Catalog | null>;

export async function applyLanguage(choice: Settings['language'], load: CatalogLoader): Promise<void> {
  if (choice === 'auto') return useLanguage(null);
  const catalog = await load(choice);
  // An unreadable catalog leaves the browser's language in place rather than blank labels.
  useLanguage(catalog ? { locale: choice, catalog } : null);
}
