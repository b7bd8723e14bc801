import { catalogs, installI18nStub } from '@/tests/support/i18n-stub';
import { renderMessage } from '@/lib/i18n/catalog';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { t, uiLocale } from '@/lib/i18n';
import { errorAction, errorDetail, errorNextStep, errorText, partUnavailableText } from '@/lib/i18n/error-text';

describe('message catalogs', () => {
  const ptKeys = Object.keys(catalogs.pt_BR).sort();
  const enKeys = Object.keys(catalogs.en).sort();

  it('pt_BR and en have exactly the same keys', () => {
    expect(enKeys).toEqual(ptKeys);
  });

  it('keeps the manifest keys', () => {
    expect(ptKeys).toEqual(expect.arrayContaining(['extName', 'extDescription']));
  });

  it('has no empty messages and the same placeholders in both languages', () => {
    for (const key of ptKeys) {
      const pt = catalogs.pt_BR[key]!;
      const en = catalogs.en[key]!;
      expect(pt.message.trim(), key).not.toBe('');
      expect(en.message.trim(), key).not.toBe('');
      expect(Object.keys(en.placeholders ?? {}), key).toEqual(Object.keys(pt.placeholders ?? {}));
      for (const name of Object.keys(pt.placeholders ?? {})) {
        expect(pt.message.toLowerCase(), key).toContain(`$${name}$`);
        expect(en.message.toLowerCase(), key).toContain(`$${name}$`);
      }
    }
  });

  it('stub follows chrome.i18n substitution rules', () => {
    expect(renderMessage({ message: 'a $X$ b', placeholders: { x: { content: '$1' } } }, ['1'])).toBe('a 1 b');
    expect(renderMessage({ message: 'cost $$5 $1' }, ['ok'])).toBe('cost $5 ok');
  });
});

describe('t() and uiLocale() in pt-BR', () => {
  beforeEach(() => installI18nStub('pt_BR'));

  it('reads messages with substitutions', () => {
    expect(t('entryLabel')).toBe('Billing e Usage');
    expect(t('errorServer', 500)).toBe('O servidor respondeu com erro 500');
    expect(t('updatedAt', 'há 2 minutos')).toBe('Atualizado há 2 minutos');
  });

  it('falls back to the key when the catalog has no message', () => {
    vi.mocked(fakeBrowser.i18n.getMessage).mockReturnValue('');
    expect(t('entryLabel')).toBe('entryLabel');
  });

  it('uiLocale follows the UI language', () => {
    expect(uiLocale()).toBe('pt-BR');
    vi.mocked(fakeBrowser.i18n.getUILanguage).mockReturnValue('en-US');
    expect(uiLocale()).toBe('en-US');
    vi.mocked(fakeBrowser.i18n.getUILanguage).mockReturnValue('en_GB');
    expect(uiLocale()).toBe('en-GB');
  });

  it('uiLocale uses the default locale for languages without a catalog', () => {
    vi.mocked(fakeBrowser.i18n.getUILanguage).mockReturnValue('de-DE');
    expect(uiLocale()).toBe('pt-BR');
  });

  it('words every BillingError', () => {
    expect(errorText({ kind: 'signedOut' })).toBe('Sua sessão no Dashboard Agile terminou');
    expect(errorText({ kind: 'signedOut', neverSignedIn: true })).toBe('Você ainda não entrou no Dashboard Agile');
    expect(errorText({ kind: 'noAccess' })).toBe('Seu perfil não tem acesso ao faturamento');
    expect(errorText({ kind: 'notAvailable' })).toBe('Este servidor não oferece dados de faturamento');
    expect(errorText({ kind: 'server', status: 503 })).toBe('O servidor respondeu com erro 503');
    expect(errorText({ kind: 'badResponse', detail: 'usage.costs' })).toBe(
      'O servidor enviou uma resposta que a extensão não consegue ler',
    );
    expect(errorText({ kind: 'timeout' })).toBe('O servidor demorou demais para responder');
    expect(errorText({ kind: 'offline' })).toBe('Sem conexão com o Dashboard Agile');
  });

  it('gives every failure a next step and the button that takes it', () => {
    expect(errorNextStep({ kind: 'signedOut', neverSignedIn: true })).toMatch(/^Entre no Dashboard Agile/);
    expect(errorAction({ kind: 'signedOut' })).toBe('signIn');
    expect(errorAction({ kind: 'noAccess' })).toBe('retry');
    expect(errorAction({ kind: 'notAvailable' })).toBe('retry');
    for (const kind of ['timeout', 'offline'] as const) expect(errorAction({ kind })).toBe('retry');
    expect(errorAction({ kind: 'server', status: 500 })).toBe('retry');
  });

  it('keeps the parser\'s detail out of the sentence, for the "Detalhes" disclosure', () => {
    const e = { kind: 'badResponse', detail: 'HTML instead of JSON' } as const;
    expect(errorText(e)).not.toContain('HTML');
    expect(errorDetail(e)).toBe('HTML instead of JSON');
    expect(errorDetail({ kind: 'timeout' })).toBeNull();
  });

  it('words a missing invoice list without saying "no invoices"', () => {
    expect(partUnavailableText({ kind: 'notAvailable' })).toBe('Faturas não disponíveis neste servidor');
    expect(partUnavailableText({ kind: 'server', status: 500 })).toBe(
      'Faturas indisponíveis: O servidor respondeu com erro 500',
    );
  });
});

describe('t() in English', () => {
  beforeEach(() => installI18nStub('en'));

  it('reads the English catalog', () => {
    expect(t('entryLabel')).toBe('Billing & Usage');
    expect(errorText({ kind: 'server', status: 500 })).toBe('The server answered with error 500');
    expect(uiLocale()).toBe('en-US');
  });
});
