/**
 * The fake browser of wxt/testing does not implement i18n: stub getMessage / getUILanguage
 * from our real catalogs, following chrome.i18n's substitution rules ($NAME$ placeholders
 * whose content is $1..$9, positional $1..$9, and $$ for a dollar sign).
 * Call installI18nStub() in a beforeEach (restoreMocks undoes it after every test).
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import ptBR from '@/public/_locales/pt_BR/messages.json';
import en from '@/public/_locales/en/messages.json';
import { renderMessage, type Catalog } from '@/lib/i18n/catalog';

export type { Catalog };

export const catalogs: Record<'pt_BR' | 'en', Catalog> = { pt_BR: ptBR, en };

export function installI18nStub(locale: 'pt_BR' | 'en' = 'pt_BR'): void {
  const catalog = catalogs[locale];
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, subs?: string | string[]) =>
    renderMessage(catalog[name], subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale === 'pt_BR' ? 'pt-BR' : 'en-US');
}
