// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { csvDay, csvDocument, csvNumber, datedCsvName } from '@/lib/billing/csv';

describe('csvNumber', () => {
  it('writes whole numbers as digits and others to two decimals, in the locale\'s mark', () => {
    expect([0, 120, 1_050_000, -3].map((n) => csvNumber(n))).toEqual(['0', '120', '1050000', '-3']);
    expect(csvNumber(12.5, ',')).toBe('12,50');
    expect(csvNumber(35.099999999999994)).toBe('35.10');
    expect(csvNumber(-0.004)).toBe('0.00');
  });

  it('never writes an exponent: nothing where the number cannot be written plainly', () => {
    expect([null, Number.NaN, Infinity, -Infinity, 1e21, 2 ** 60 + 0.5].map((n) => csvNumber(n))).toEqual(['', '', '', '', '', '']);
    expect(csvNumber(1e-7)).toBe('0.00');
  });
});

describe('csvDocument', () => {
  it('is the BOM, then the header and each record joined by the separator, every one ending in CRLF', () => {
    expect(csvDocument(['a', 'b'], [['1', '2'], ['3', '']], ';')).toBe('\uFEFFa;b\r\n1;2\r\n3;\r\n');
    expect(csvDocument(['a'], [], ',')).toBe('\uFEFFa\r\n');
  });
});

describe('csvDay', () => {
  it('keeps the date of a host timestamp, else the text as given', () => {
    expect(['2026-12-10T12:03:16', ' 2026-12-10 ', '2026-12-10 09:00', '10/12/2026', null].map(csvDay)).toEqual([
      '2026-12-10',
      '2026-12-10',
      '2026-12-10',
      '10/12/2026',
      '',
    ]);
  });
});

describe('datedCsvName', () => {
  it('is <kind>[-<subject>]-<local date>.csv, the subject made safe for a file name', () => {
    expect(datedCsvName('meses', 'TECH-001', new Date(2026, 11, 31, 23, 59))).toBe('meses-TECH-001-2026-12-31.csv');
    expect(datedCsvName('meses', '../a b', new Date(2026, 0, 1))).toBe('meses-___a_b-2026-01-01.csv');
    expect(datedCsvName('tenants', null, new Date(2026, 0, 1))).toBe('tenants-2026-01-01.csv');
  });
});
