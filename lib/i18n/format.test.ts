import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  formatCount,
  formatDate,
  formatMoney,
  formatPercent,
  formatRelativeTime,
  formatShare,
  formatStorageMb,
  formatTokens,
} from '@/lib/i18n/format';

const NBSP = '\u00a0';
const PT = 'pt-BR';
const EN = 'en';

describe('formatMoney', () => {
  it('formats integer cents in the data currency', () => {
    expect(formatMoney({ cents: 2702, currency: 'BRL' }, PT)).toBe(`R$${NBSP}27,02`);
    expect(formatMoney({ cents: 2702, currency: 'BRL' }, EN)).toBe('R$27.02');
    expect(formatMoney({ cents: 123456789, currency: 'BRL' }, PT)).toBe(`R$${NBSP}1.234.567,89`);
    expect(formatMoney({ cents: 0, currency: 'BRL' }, PT)).toBe(`R$${NBSP}0,00`);
    expect(formatMoney({ cents: -150, currency: 'USD' }, EN)).toBe('-$1.50');
    expect(formatMoney({ cents: 150, currency: 'USD' }, PT)).toBe(`US$${NBSP}1,50`);
  });

  it('still shows the amount for a currency code Intl rejects', () => {
    expect(formatMoney({ cents: 100, currency: 'R$' }, PT)).toBe('R$ 1,00');
    expect(formatMoney({ cents: 100, currency: '' }, EN)).toBe('1.00');
  });
});

describe('formatCount', () => {
  it('groups thousands by locale', () => {
    expect(formatCount(15420, PT)).toBe('15.420');
    expect(formatCount(15420, EN)).toBe('15,420');
    expect(formatCount(120, PT)).toBe('120');
    expect(formatCount(Number.NaN, PT)).toBe('0');
  });
});

describe('formatTokens', () => {
  it('uses K and M like the seed', () => {
    expect(formatTokens(1_050_000, PT)).toBe('1,05M');
    expect(formatTokens(1_050_000, EN)).toBe('1.05M');
    expect(formatTokens(2_450_000, PT)).toBe('2,45M');
    expect(formatTokens(950, PT)).toBe('950');
    expect(formatTokens(12_500, PT)).toBe('12,5K');
    expect(formatTokens(12_500, EN)).toBe('12.5K');
    expect(formatTokens(1000, PT)).toBe('1,0K');
    expect(formatTokens(0, PT)).toBe('0');
  });

  it('never shows 1000K', () => {
    expect(formatTokens(999_960, PT)).toBe('1,00M');
    expect(formatTokens(999_940, PT)).toBe('999,9K');
  });
});

describe('formatStorageMb', () => {
  it('shows MB with one decimal below 1024 MB', () => {
    expect(formatStorageMb(850, PT)).toBe('850,0 MB');
    expect(formatStorageMb(850, EN)).toBe('850.0 MB');
    expect(formatStorageMb(0, PT)).toBe('0,0 MB');
  });

  it('switches to GB (1024 MB) from 1024 MB', () => {
    expect(formatStorageMb(1250, PT)).toBe('1,2 GB');
    expect(formatStorageMb(1250, EN)).toBe('1.2 GB');
    expect(formatStorageMb(1024, PT)).toBe('1,0 GB');
    expect(formatStorageMb(1023.96, PT)).toBe('1,0 GB');
    expect(formatStorageMb(1023.9, PT)).toBe('1.023,9 MB');
  });
});

describe('formatShare / formatPercent', () => {
  it('is a 0..100 percentage, 0 for a zero total', () => {
    expect(formatShare(1574, 2702)).toBeCloseTo(58.25, 2);
    expect(formatShare(5, 0)).toBe(0);
    expect(formatShare(0, 100)).toBe(0);
    expect(formatShare(150, 100)).toBe(100);
    expect(formatShare(-5, 100)).toBe(0);
  });

  it('prints whole percentages', () => {
    expect(formatPercent(58.25, PT)).toBe('58%');
    expect(formatPercent(4.44, EN)).toBe('4%');
  });
});

describe('formatDate', () => {
  it('formats host timestamps as the written calendar date', () => {
    expect(formatDate('2026-12-10T12:03:16.032560', PT)).toBe('10/12/2026');
    expect(formatDate('2026-12-10T12:03:16.032560', EN)).toBe('12/10/2026');
    expect(formatDate('2026-12-10', PT)).toBe('10/12/2026');
  });

  it('formats months', () => {
    expect(formatDate('2026-10', PT)).toBe('outubro de 2026');
    expect(formatDate('2026-10', EN)).toBe('October 2026');
    expect(formatDate('November 2026', PT)).toBe('novembro de 2026');
    expect(formatDate('Sep 2026', EN)).toBe('September 2026');
  });

  it('returns unparseable strings as-is', () => {
    expect(formatDate('garbage', PT)).toBe('garbage');
    expect(formatDate('2026-13', PT)).toBe('2026-13');
    expect(formatDate('2026-02-30', PT)).toBe('2026-02-30');
    expect(formatDate('Foo 2026', PT)).toBe('Foo 2026');
    expect(formatDate('month', PT)).toBe('month');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  const min = 60_000;

  it('says how long ago', () => {
    expect(formatRelativeTime(now - 2 * min, now, PT)).toBe('há 2 minutos');
    expect(formatRelativeTime(now - 2 * min, now, EN)).toBe('2 minutes ago');
    expect(formatRelativeTime(now - 10_000, now, PT)).toBe('agora');
    expect(formatRelativeTime(now - 10_000, now, EN)).toBe('now');
    expect(formatRelativeTime(now - 3 * 60 * min, now, PT)).toBe('há 3 horas');
    expect(formatRelativeTime(now - 24 * 60 * min, now, PT)).toBe('ontem');
    expect(formatRelativeTime(now - 60 * 24 * 60 * min, now, EN)).toBe('2 months ago');
    expect(formatRelativeTime(now - 800 * 24 * 60 * min, now, EN)).toBe('2 years ago');
  });

  it('handles a clock slightly ahead', () => {
    expect(formatRelativeTime(now + 5 * min, now, PT)).toBe('em 5 minutos');
  });
});

describe('Intl formatters', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are built once per locale and options, however many values they format', () => {
    const built = vi.spyOn(Intl, 'NumberFormat');
    const before = built.mock.calls.length;
    for (let cents = 0; cents < 50; cents++) formatMoney({ cents, currency: 'JPY' }, 'de-CH');
    expect(built.mock.calls.length - before).toBe(1);
    // Another currency is another formatter, and each amount keeps its own currency.
    const fresh = (currency: string) => new Intl.NumberFormat('de-CH', { style: 'currency', currency }).format(1);
    expect(formatMoney({ cents: 100, currency: 'EUR' }, 'de-CH')).toBe(fresh('EUR'));
    expect(formatMoney({ cents: 100, currency: 'JPY' }, 'de-CH')).toBe(fresh('JPY'));
    expect(fresh('EUR')).not.toBe(fresh('JPY'));
  });

  it('stay right when the server names more currencies than are kept', () => {
    const codes = Array.from({ length: 150 }, (_, i) => `X${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
    for (const currency of codes) formatMoney({ cents: 1234, currency }, EN);
    for (const currency of codes) {
      expect(formatMoney({ cents: 1234, currency }, EN)).toBe(new Intl.NumberFormat(EN, { style: 'currency', currency }).format(12.34));
    }
  });
});
