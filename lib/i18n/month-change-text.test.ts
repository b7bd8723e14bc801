/** The change since last month in words, in both languages. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { beforeEach, describe, expect, it } from 'vitest';
import { compareMonths } from '@/lib/billing/month-change';
import { monthChangeText } from '@/lib/i18n/month-change-text';
import { MINUS, NBSP, brl } from '@/tests/support/usage';

describe('the change since last month, in pt-BR', () => {
  beforeEach(() => installI18nStub('pt_BR'));
  const say = (current: number, previous: number, lastMonth = '2026-11') =>
    monthChangeText(compareMonths(brl(current), brl(previous)), lastMonth, 'pt-BR');

  it('up: the percentage and the amount, against the month by name', () => {
    expect(say(2702, 2412)).toBe(`+12% em relação a novembro (+R$${NBSP}2,90)`);
  });

  it('down: a true minus sign on both', () => {
    expect(say(2412, 2702)).toBe(`${MINUS}11% em relação a novembro (${MINUS}R$${NBSP}2,90)`);
  });

  it('a change under one percent keeps a decimal, so it never reads as 0%', () => {
    expect(say(100_100, 100_000)).toBe(`+0,1% em relação a novembro (+R$${NBSP}1,00)`);
  });

  it('the same total, and a month without usage', () => {
    expect(say(2702, 2702)).toBe('Igual a novembro');
    expect(say(2702, 0)).toBe('Sem uso no mês passado');
    expect(say(0, 0)).toBe('Sem uso no mês passado');
  });

  it('no comparison: nothing to say', () => {
    expect(monthChangeText(null, '2026-11', 'pt-BR')).toBeNull();
  });

  it('across a year the month is still named', () => {
    expect(say(1100, 1000, '2025-12')).toBe(`+10% em relação a dezembro (+R$${NBSP}1,00)`);
  });
});

describe('the change since last month, in English', () => {
  beforeEach(() => installI18nStub('en'));

  it('words each case', () => {
    const say = (current: number, previous: number) => monthChangeText(compareMonths(brl(current), brl(previous)), '2026-11', 'en');
    expect(say(2702, 2412)).toBe('+12% vs November (+R$2.90)');
    expect(say(2412, 2702)).toBe(`${MINUS}11% vs November (${MINUS}R$2.90)`);
    expect(say(5, 5)).toBe('Same as November');
    expect(say(5, 0)).toBe('No usage last month');
  });
});
