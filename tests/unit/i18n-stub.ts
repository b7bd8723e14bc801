/**
 * The fake browser of wxt/testing does not implement i18n: stub getMessage / getUILanguage
 * from our real catalogs, following chrome.i18n's substitution rules ($NAME$ placeholders
 * whose content is $1..$9, positional $1..$9, and $$ for a dollar sign).
 * Call installI18nStub() in a beforeEach (restoreMocks undoes it after every test).
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import ptBR from '../../public/_locales/pt_BR/messages.json';
import en from '../../public/_locales/en/messages.json';

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

export const catalogs: Record<'pt_BR' | 'en', Catalog> = { pt_BR: ptBR, en };

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

export function installI18nStub(locale: 'pt_BR' | 'en' = 'pt_BR'): void {
  const catalog = catalogs[locale];
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, subs?: string | string[]) =>
    renderMessage(catalog[name], subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale === 'pt_BR' ? 'pt-BR' : 'en-US');
}
