/**
 * The privacy policy says the same in the extension's page and in docs/privacy.md (the link the
 * store listings give): the file is this module rendered, compared byte for byte. After editing
 * lib/i18n/privacy-text.ts, `npx vitest run -u lib/i18n/privacy-text.test.ts` writes it again.
 * And what it says about where things are kept is where the code keeps them.
 */
import { describe, expect, it } from 'vitest';
import { PRIVACY_TEXT, privacyTextFor, type PrivacyText } from '@/lib/i18n/privacy-text';
import { sessionsItem, signedInOriginsItem } from '@/lib/storage/sessions';
import { settingsItem } from '@/lib/storage/settings';
import { tenantChoicesItem } from '@/lib/storage/tenant-choices';
import { billingRecentItem } from '@/lib/storage/billing-cache';
import { budgetAlertsShownItem } from '@/lib/storage/budget-alerts-shown';

const LANGUAGE_NAMES = { 'pt-BR': 'Português (Brasil)', en: 'English' } as const;

function section(language: keyof typeof LANGUAGE_NAMES, text: PrivacyText): string {
  const parts = [`## ${LANGUAGE_NAMES[language]}: ${text.title}`, text.intro];
  for (const { heading, items } of text.sections) parts.push(`### ${heading}`, items.map((item) => `- ${item}`).join('\n'));
  return parts.join('\n\n');
}

function markdown(): string {
  return [
    '<!-- Generated from lib/i18n/privacy-text.ts, which the extension\'s privacy page shows: edit it there, then run',
    '     `npx vitest run -u lib/i18n/privacy-text.test.ts`. -->',
    '',
    '# Billing e Usage — Política de privacidade / Privacy policy',
    '',
    section('pt-BR', PRIVACY_TEXT['pt-BR']),
    '',
    section('en', PRIVACY_TEXT.en),
    '',
  ].join('\n');
}

describe('the privacy policy', () => {
  it('docs/privacy.md is the page\'s text, in pt-BR and English', async () => {
    await expect(markdown()).toMatchFileSnapshot('../../docs/privacy.md');
  });

  it('has the same sections in both languages', () => {
    const shape = (text: PrivacyText) => text.sections.map((s) => s.items.length);
    expect(shape(PRIVACY_TEXT.en)).toEqual(shape(PRIVACY_TEXT['pt-BR']));
  });

  it('says where the code keeps things: the token and the cache in storage.session, settings and choices in storage.local', () => {
    expect(sessionsItem.key).toMatch(/^session:/);
    expect(billingRecentItem.key).toMatch(/^session:/);
    for (const item of [settingsItem, tenantChoicesItem, budgetAlertsShownItem, signedInOriginsItem]) expect(item.key).toMatch(/^local:/);
    for (const text of Object.values(PRIVACY_TEXT)) {
      const kept = text.sections[1]!.items;
      expect(kept[0]).toMatch(/token/);
      expect(kept[0]).toContain('storage.session');
      expect(kept[1]).toContain('storage.session');
      expect(kept[2]).toContain('storage.local');
    }
  });

  it('speaks English to English browsers, pt-BR to everyone else', () => {
    expect(privacyTextFor('en-US')).toBe(PRIVACY_TEXT.en);
    expect(privacyTextFor('pt-BR')).toBe(PRIVACY_TEXT['pt-BR']);
    expect(privacyTextFor('es')).toBe(PRIVACY_TEXT['pt-BR']);
  });
});
