// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { reaisToCents } from '@/lib/billing/money';

describe('reaisToCents', () => {
  it.each([
    [245.8, 24580],
    [52.7, 5270],
    [0.1 + 0.2, 30],
    [1e-9, 0],
    [0, 0],
    [-0, 0],
    [200, 20000],
    [236.5, 23650],
    [40.97, 4097],
    [1.15, 115],
    [4.35, 435],
    [1.005, 101],
    [0.005, 1],
    [0.0049, 0],
    [0.015, 2],
    [2.675, 268],
    [-1.005, -101],
    [-0.005, -1],
    [-0.004, 0],
    [-12.34, -1234],
    [123456789.12, 12345678912],
    [90071992547409.9, 9007199254740990],
    [1e13, 1e15],
  ])('%s reais → %s cents', (reais, cents) => {
    const got = reaisToCents(reais);
    expect(got).toBe(cents);
    expect(Object.is(got, -0)).toBe(false);
  });

  it('is exact for every whole number of cents from 0 to 100000', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 100000; c += 1) {
      if (reaisToCents(c / 100) !== c) wrong.push(c);
      if (reaisToCents(-c / 100) !== -c && c !== 0) wrong.push(-c);
    }
    expect(wrong).toEqual([]);
  });

  it('is exact for sums that drift in floating point', () => {
    expect(reaisToCents(45.6 + 122.5 + 25 + 52.7)).toBe(24580);
    expect(reaisToCents(0.7 + 0.1)).toBe(80);
    expect(reaisToCents(1.1 * 3)).toBe(330);
  });

  it.each([NaN, Infinity, -Infinity, 1e21, 1e300, -1e300, 9007199254740992, Number.MAX_VALUE])(
    'throws RangeError for %s',
    (value) => {
      expect(() => reaisToCents(value)).toThrow(RangeError);
    },
  );

  it('throws RangeError for non-numbers smuggled past the types', () => {
    expect(() => reaisToCents('1' as unknown as number)).toThrow(RangeError);
    expect(() => reaisToCents(null as unknown as number)).toThrow(RangeError);
  });
});
