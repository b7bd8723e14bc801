/**
 * The message catalog of a language the person chose, read from the extension's own files.
 * Content scripts cannot read extension files without making them web-accessible to the
 * dashboard, so every context asks the background for it (op `i18n.catalog`).
 */
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { LANGUAGES, type Catalog, type Language } from '@/lib/i18n/catalog';

const catalogSchema = z.record(
  z.string(),
  z.object({ message: z.string(), placeholders: z.optional(z.record(z.string(), z.object({ content: z.string() }))) }),
);

const loaded = new Map<Language, Catalog>();

export async function fetchCatalog(language: Language): Promise<Catalog | null> {
  const cached = loaded.get(language);
  if (cached) return cached;
  try {
    const response = await fetch(browser.runtime.getURL(`/_locales/${LANGUAGES[language]}/messages.json`));
    const parsed = catalogSchema.safeParse(await response.json());
    if (!parsed.success) return null;
    loaded.set(language, parsed.data);
    return parsed.data;
  } catch {
    return null;
  }
}
