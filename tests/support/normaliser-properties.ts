/**
 * Property-based checks every host parser shares: fed arbitrary JSON, arbitrary JS values and
 * randomly broken copies of the recorded samples, it never throws; what it accepts keeps the
 * model's invariants (integer cents, finite non-negative counts, capped text); what it refuses
 * says why in at most 200 characters. `describeNormalisers` runs them for each parser named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Read } from '@/lib/host/result';
import { isJsonSample, listSamples, loadSample } from '@/tests/support/samples';
import { anyValue } from '@/tests/support/arbitraries';
import { mutated } from '@/tests/support/json-mutations';

// ------------------------------------------------------------------------- the samples

/** Every recorded sample with a JSON body, by file name. */
export const samples = listSamples()
  .map((name) => ({ name, sample: loadSample(name) }))
  .filter(({ sample }) => isJsonSample(sample));

/** The bodies of the samples whose name matches (200 answers unless `status` says otherwise). */
export function bodiesOf(pattern: RegExp, status: (s: number) => boolean = (s) => s === 200): unknown[] {
  const found = samples
    .filter(({ name, sample }) => pattern.test(name) && status(sample.status))
    .map(({ sample }) => sample.body);
  if (found.length === 0) throw new Error(`no sample matches ${pattern}`);
  return found;
}

const ALL_BODIES = samples.map(({ sample }) => sample.body);

// ----------------------------------------------------------------------- invariants

/** The longest text a read may hold, written here again so the tests do not take the code's word. */
export const MAX_TEXT = 200;
/** Fields of the model that hold whole counts. */
const COUNT_KEYS = new Set(['apiCalls', 'tokensTotal', 'tokensIn', 'tokensOut', 'daysRemaining', 'tokens', 'unreadable']);

function isMoney(value: unknown): value is { cents: unknown; currency: unknown } {
  return value !== null && typeof value === 'object' && 'cents' in value && 'currency' in value;
}

/**
 * Walks an accepted model value: Money holds safe-integer cents, non-negative outside invoices
 * (a credit note is negative), and a 3-letter currency; every other number is finite and
 * non-negative (counts are safe integers); every string is at most 200 characters; no list is
 * longer than 1000.
 */
function checkModel(value: unknown, key = '', inInvoices = false): void {
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${key} finite`).toBe(true);
    expect(value, `${key} non-negative`).toBeGreaterThanOrEqual(0);
    if (COUNT_KEYS.has(key)) expect(Number.isSafeInteger(value), `${key} whole`).toBe(true);
  } else if (typeof value === 'string') {
    expect(value.length, `${key} length`).toBeLessThanOrEqual(MAX_TEXT);
  } else if (Array.isArray(value)) {
    expect(value.length).toBeLessThanOrEqual(1000);
    value.forEach((item) => checkModel(item, key, inInvoices || key === 'invoices'));
  } else if (isMoney(value)) {
    expect(Number.isSafeInteger(value.cents), `${key}.cents safe integer`).toBe(true);
    if (!inInvoices) expect(value.cents as number).toBeGreaterThanOrEqual(0);
    expect(value.currency).toMatch(/^[A-Z]{3}$/);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkModel(v, k, inInvoices);
  } else {
    expect(['boolean', 'object']).toContain(typeof value); // booleans and null only
  }
}

/** An accepted read keeps the invariants; a refused one is a badResponse with a short reason. */
function checkResult(result: Read<unknown>): void {
  if (result.ok) {
    checkModel(result.value);
  } else {
    expect(result.error.kind).toBe('badResponse');
    expect(typeof result.error.detail).toBe('string');
    expect(result.error.detail.length).toBeGreaterThan(0);
    expect(result.error.detail.length).toBeLessThanOrEqual(MAX_TEXT);
  }
}

// ----------------------------------------------------------------------- the table

type Normaliser = (json: unknown) => Read<unknown>;

/** Runs `fn` and fails the property with the input if it throws. */
export function noThrow<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new Error(`threw ${String(error)}`);
  }
}

/** The properties above, one describe per parser: its name, the parser, its recorded bodies. */
export function describeNormalisers(table: [string, Normaliser, unknown[]][]): void {
  describe.each(table)('%s', (_name, normalise, bodies) => {
    it('the unbroken samples are accepted (so the mutations start from valid bodies)', () => {
      for (const body of bodies) expect(normalise(structuredClone(body)).ok).toBe(true);
    });

    it('never throws on arbitrary JSON', () => {
      fc.assert(fc.property(fc.jsonValue(), (json) => checkResult(noThrow(() => normalise(json)))));
    });

    it('never throws on arbitrary JS values', () => {
      fc.assert(fc.property(anyValue, (value) => checkResult(noThrow(() => normalise(value)))));
    });

    it('never throws on mutated samples; accepted results keep the invariants', () => {
      fc.assert(fc.property(mutated(bodies), (body) => checkResult(noThrow(() => normalise(body)))));
    });

    it('never throws on mutated bodies of any other endpoint', () => {
      fc.assert(
        fc.property(mutated(ALL_BODIES), (body) => checkResult(noThrow(() => normalise(body)))),
      );
    });

    it('mutations still reach the accepting path often enough to test it', () => {
      // An invoice list that dropped unreadable rows took the refusing path for those rows.
      const acceptedWhole = (result: Read<unknown>) => {
        if (!result.ok) return false;
        const data = result.value as { unreadable?: number; value?: { unreadable?: number } };
        return (data.unreadable ?? data.value?.unreadable ?? 0) === 0;
      };
      const outcomes = fc.sample(mutated(bodies), 1000).map((body) => acceptedWhole(normalise(body)));
      expect(outcomes.filter(Boolean).length).toBeGreaterThan(20);
      expect(outcomes.filter((ok) => !ok).length).toBeGreaterThan(20);
    });
  });
}
