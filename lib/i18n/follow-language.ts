/** The UI side of the language choice: catalogs come from the background, changes apply live. */
import { ask } from '@/lib/protocol/ask';
import { applyLanguage, type CatalogLoader } from '@/lib/i18n/apply-language';
import { readSettings, watchSettings } from '@/lib/storage/content-script-read';
import { t, uiLocale, type MessageKey } from '@/lib/i18n';

const fromBackground: CatalogLoader = async (language) => {
  const reply = await ask({ op: 'i18n.catalog', language });
  return reply.ok ? reply.value : null;
};

/** Applies the stored choice now; `onChange` runs after a later change has been applied. */
export async function followLanguageChoice(onChange: () => void): Promise<() => void> {
  let current = (await readSettings()).language;
  await applyLanguage(current, fromBackground);
  return watchSettings((settings) => {
    if (settings.language === current) return;
    current = settings.language;
    void applyLanguage(current, fromBackground).then(onChange);
  });
}

/** Our own pages: <html lang> and the window title follow the language in use. */
export function labelPage(title: MessageKey): void {
  document.documentElement.lang = uiLocale();
  document.title = t(title);
}
