// @vitest-environment node
/** Host text cleaned before it is shown: nothing that reorders or hides text, every letter kept. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripInvisible } from '@/lib/billing/host-text';

/** Written here again, so the tests do not take the code's word for what is dangerous. */
const BIDI = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const INVISIBLE = ['\u200B', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u206A', '\u206F', '\uFEFF', '\uFFF9', '\uFFFA', '\uFFFB'];
const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u001B', '\u001F', '\u007F', '\u0080', '\u009B', '\u009F'];
const BREAKS = ['\t', '\n', '\v', '\f', '\r', '\r\n', '\u0085', '\u2028', '\u2029'];
const UNWANTED = /[\p{Cc}\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2028\u2029\uFEFF\uFFF9-\uFFFB]/u;

/** "U+202E" (or "U+000D U+000A"), for the test's name. */
const named = (c: string) => [[...c].map((u) => `U+${u.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' '), c];

describe('stripInvisible', () => {
  it.each([...BIDI, ...INVISIBLE, ...CONTROLS].map(named))('takes out %s', (_, c) => {
    expect(stripInvisible(`Belgo${c} Arames${c}`)).toBe('Belgo Arames');
  });

  it.each(BREAKS.map(named))('turns the break %s into one space', (_, c) => {
    expect(stripInvisible(`Belgo${c}Arames`)).toBe('Belgo Arames');
  });

  it('a right-to-left override cannot turn a figure around', () => {
    expect(stripInvisible('ACME \u202E10,0 R$\u202C fatura')).toBe('ACME 10,0 R$ fatura');
    expect(stripInvisible('\u2067\u202Bx\u2069')).toBe('x');
  });

  it('keeps the letters of every script, accents, ZWNJ/ZWJ and emoji', () => {
    const kept = ['Aços Gerais', 'شركة الحديد', 'חברת ברזל', 'Ação — R$ 1.234,56', 'می\u200Cخواهم', '👩\u200D💻 Time', '日本語', ''];
    expect(kept.map(stripInvisible)).toEqual(kept);
  });

  it('any text: nothing unwanted left, every other character kept in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...BIDI, ...INVISIBLE, ...CONTROLS, ...BREAKS), fc.string({ unit: 'grapheme', maxLength: 1 })) }), (text) => {
        const clean = stripInvisible(text);
        expect(clean).not.toMatch(UNWANTED);
        expect(clean.replace(/ /g, '')).toBe(text.replace(new RegExp(UNWANTED, 'gu'), '').replace(/ /g, ''));
      }),
    );
  });
});
