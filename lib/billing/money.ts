/**
 * Money helpers. The host sends reais as floats in one family and integer cents in the others;
 * the model keeps integer cents only, so the float family goes through `reaisToCents`.
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * Converts an amount in reais (a float as parsed from JSON) to integer cents, with no float drift.
 *
 * It works on the shortest decimal text of the number (what `String(value)` prints, which is
 * what the JSON said), so 245.8 → 24580, 52.7 → 5270, 0.1 + 0.2 → 30. Any value that is a
 * whole number of cents converts exactly; anything finer is rounded half away from zero on
 * that decimal text (1.005 → 101, -0.005 → -1). Throws RangeError for NaN, ±Infinity and
 * results outside the safe-integer range.
 */
export function reaisToCents(value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError('reaisToCents: amount is not a finite number');
  }
  const negative = value < 0;
  const match = DECIMAL.exec(String(Math.abs(value)));
  if (!match) throw new RangeError('reaisToCents: amount cannot be read as a decimal');
  const intDigits = match[1] ?? '0';
  const fracDigits = match[2] ?? '';
  const exponent = Number(match[3] ?? '0');
  const digits = intDigits + fracDigits;
  // Position of the decimal point inside `digits` once the amount is expressed in cents.
  const point = intDigits.length + exponent + 2;

  let whole: string;
  let nextDigit: string;
  if (point <= 0) {
    whole = '0';
    nextDigit = point === 0 ? (digits[0] ?? '0') : '0';
  } else if (point >= digits.length) {
    if (point > 30) throw new RangeError('reaisToCents: amount is too large');
    whole = digits + '0'.repeat(point - digits.length);
    nextDigit = '0';
  } else {
    whole = digits.slice(0, point);
    nextDigit = digits[point] ?? '0';
  }
  if (whole.length > 30) throw new RangeError('reaisToCents: amount is too large');
  const magnitude = Number(whole) + (nextDigit >= '5' ? 1 : 0);
  if (!Number.isSafeInteger(magnitude)) {
    throw new RangeError('reaisToCents: amount is too large');
  }
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}
