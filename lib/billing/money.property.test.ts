// @vitest-environment node
/**
 * Property-based: `reaisToCents` turns the float reais the host sends into integer cents with no
 * float drift. Only properties that must hold for every input are stated here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reaisToCents } from '@/lib/billing/money';

/** |cents| ≤ 10^13 (10^11 reais): far beyond any bill, well inside the safe-integer range. */
const LIMIT = 10 ** 13;
const centsArb = fc.integer({ min: -LIMIT, max: LIMIT });
/** Up to 15 significant digits: every such cents/100 prints back as exactly that decimal. */
const wideCentsArb = fc.integer({ min: -(10 ** 15 - 1), max: 10 ** 15 - 1 });

/** Either RangeError or a safe integer (never -0): the function's whole contract for any double. */
function convert(x: number): { cents: number } | { error: unknown } {
  try {
    return { cents: reaisToCents(x) };
  } catch (error) {
    return { error };
  }
}

describe('reaisToCents', () => {
  it('round-trips any whole number of cents: reaisToCents(c / 100) === c', () => {
    fc.assert(fc.property(centsArb, (c) => reaisToCents(c / 100) === c));
  });

  it('round-trips up to 15 significant digits too', () => {
    fc.assert(fc.property(wideCentsArb, (c) => reaisToCents(c / 100) === c));
  });

  it('cents written as decimal text convert exactly (what the JSON said)', () => {
    fc.assert(
      fc.property(centsArb, (c) => {
        const abs = Math.abs(c);
        const text = `${c < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
        return reaisToCents(Number(text)) === c;
      }),
    );
  });

  it('absorbs float drift of a sum: reaisToCents(a/100 + b/100) === a + b', () => {
    fc.assert(fc.property(centsArb, centsArb, (a, b) => reaisToCents(a / 100 + b / 100) === a + b));
  });

  it('absorbs float drift of a sum of many amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), { maxLength: 50 }), (cents) => {
        const reais = cents.reduce((sum, c) => sum + c / 100, 0);
        return reaisToCents(reais) === cents.reduce((sum, c) => sum + c, 0);
      }),
    );
  });

  it('the exact sum converts exactly: reaisToCents((a + b) / 100) === a + b', () => {
    fc.assert(fc.property(centsArb, centsArb, (a, b) => reaisToCents((a + b) / 100) === a + b));
  });

  it('is odd: reaisToCents(-x) === -reaisToCents(x), and never returns -0', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e13, max: 1e13 }), (x) => {
        const pos = reaisToCents(x);
        const neg = reaisToCents(-x);
        expect(Object.is(pos, -0)).toBe(false);
        expect(Object.is(neg, -0)).toBe(false);
        expect(neg).toBe(pos === 0 ? 0 : -pos);
      }),
    );
  });

  it('is monotonic: x ≤ y ⇒ reaisToCents(x) ≤ reaisToCents(y)', () => {
    const x = fc.double({ noNaN: true, min: -1e13, max: 1e13 });
    fc.assert(
      fc.property(x, x, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return reaisToCents(lo) <= reaisToCents(hi);
      }),
    );
  });

  it('rounds to the nearest cent: |reaisToCents(x) - 100·x| ≤ 0.5 (plus float error)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e13, max: 1e13 }), (x) => {
        const cents = reaisToCents(x);
        const exact = x * 100;
        return Math.abs(cents - exact) <= 0.5 + Math.abs(exact) * 2 ** -50;
      }),
    );
  });

  it('for any double: a safe integer (never -0), or a RangeError', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const out = convert(x);
        if ('error' in out) {
          expect(out.error).toBeInstanceOf(RangeError);
          // Only non-finite or huge amounts are refused.
          expect(!Number.isFinite(x) || Math.abs(x) > Number.MAX_SAFE_INTEGER / 100 - 1).toBe(true);
        } else {
          expect(Number.isSafeInteger(out.cents)).toBe(true);
          expect(Object.is(out.cents, -0)).toBe(false);
        }
      }),
    );
  });

  it('amounts whose cents exceed the safe-integer range throw RangeError', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MAX_SAFE_INTEGER / 100 + 1, noNaN: true }), fc.boolean(), (x, neg) => {
        expect(() => reaisToCents(neg ? -x : x)).toThrow(RangeError);
      }),
    );
  });

  it('NaN and ±Infinity throw RangeError', () => {
    fc.assert(
      fc.property(fc.constantFrom(NaN, Infinity, -Infinity), (x) => {
        expect(() => reaisToCents(x)).toThrow(RangeError);
      }),
    );
  });

  it('non-numbers throw RangeError, never anything else', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((v) => typeof v !== 'number'),
        (v) => {
          expect(() => reaisToCents(v as number)).toThrow(RangeError);
        },
      ),
    );
  });
});
