import { describe, expect, it } from 'vitest';
import { badgeText } from '@/lib/background/badge/text';

describe('badgeText', () => {
  it.each([
    [0, 'pt-BR', '0'],
    [24580, 'pt-BR', '246'],
    [99_949, 'pt-BR', '999'],
    [120_000, 'pt-BR', '1,2k'],
    [120_000, 'en-US', '1.2k'],
    [199_999, 'pt-BR', '1,9k'],
    [1_250_000, 'pt-BR', '12k'],
    [99_940_000, 'pt-BR', '999k'],
    [150_000_000, 'pt-BR', '1,5M'],
    [150_000_000, 'en-US', '1.5M'],
    [-500, 'pt-BR', '0'],
  ])('%i cents in %s → %s', (cents, locale, text) => {
    expect(badgeText(cents, locale)).toBe(text);
  });

  it('fits the toolbar badge (4 characters) for every amount below R$ 999,5 milhões', () => {
    for (const locale of ['pt-BR', 'en-US']) {
      const amounts = [99_949, 99_950, 99_999, 999_949, 999_950, 99_949_999, 99_950_000, 99_949_999_999];
      for (let cents = 1; cents < 99_950_000_000; cents = Math.ceil(cents * 1.07)) amounts.push(cents - 1, cents, cents + 1);
      for (const cents of amounts) {
        expect(badgeText(cents, locale).length, `${cents} cents in ${locale}`).toBeLessThanOrEqual(4);
      }
    }
  });
});
