/** Periods as dates: a calendar month by name, the panel's rolling period by its dates. */
import { describe, expect, it } from 'vitest';
import { formatMonth, formatPeriod } from '@/lib/i18n/period-text';
import { usage } from '@/tests/support/usage';

describe('periods as dates', () => {
  it('a calendar month by name, the panel\'s rolling period by its dates, never a raw label', () => {
    expect(formatPeriod(usage(), 'pt-BR')).toBe('dezembro de 2026');
    expect(formatPeriod(usage(), 'en')).toBe('December 2026');
    const rolling = { periodStart: '2026-11-01T12:03:15.935845', periodEnd: '2026-11-30T12:03:15.935845', month: null };
    expect(formatPeriod(rolling, 'pt-BR')).toBe(new Intl.DateTimeFormat('pt-BR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 30)));
    expect(formatPeriod(rolling, 'pt-BR')).toMatch(/^1\s?–\s?30 de nov\. de 2026$/);
    expect(formatPeriod(rolling, 'en')).toMatch(/^Nov 1\s?–\s?30, 2026$/);
    expect(formatPeriod({ periodStart: 'month', periodEnd: null, month: null }, 'pt-BR')).toBe('');
    expect(formatMonth('2026-11', 'pt-BR')).toBe('novembro de 2026');
  });
});
