/** The month arithmetic: steps across years, month lengths, and which months the host can be asked about. */
import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, isMonth, monthOf, monthsUpTo } from '@/lib/billing/month';

describe('months', () => {
  it('steps across years and knows their lengths', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-03', -14)).toBe('2025-01');
    expect(monthsUpTo('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2026-11')).toBe(30);
    expect(monthOf(new Date('2026-12-01T00:30:00Z'))).toBe('2026-12');
  });

  it('accepts only what the host can be asked about', () => {
    for (const good of ['2026-01', '2026-12', '1999-07']) expect(isMonth(good)).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', '2026-01 ', 'month', null, 202601]) expect(isMonth(bad)).toBe(false);
  });
});
