// @vitest-environment node
/** Property-based: clip, which every text read from the host goes through. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip } from '@/lib/host/result';
import { MAX_TEXT } from '@/tests/support/normaliser-properties';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('clip (every text read from the host goes through it)', () => {
  it('keeps text up to 200 characters, cuts longer text to 200 ending in "…", never halving a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ minLength: 190, maxLength: 400 }),
          fc.string({ unit: 'binary', minLength: 195, maxLength: 210 }),
        ),
        (text) => {
          const clipped = clip(text);
          expect(clipped.length).toBeLessThanOrEqual(MAX_TEXT);
          if (text.length <= MAX_TEXT) expect(clipped).toBe(text);
          else {
            expect(clipped.endsWith('…')).toBe(true);
            expect(text.startsWith(clipped.slice(0, -1))).toBe(true);
          }
          if (!LONE_SURROGATE.test(text)) expect(clipped).not.toMatch(LONE_SURROGATE);
        },
      ),
    );
  });
});
