/**
 * For the host parsers' example tests: a copy of a recorded body to break, the reason a refused
 * read gives, the value an accepted read holds, and the junk no parser may throw on.
 */
import { describe, expect, it } from 'vitest';
import type { Read } from '@/lib/host/result';
import { loadSample } from '@/tests/support/samples';

/** A deep copy of a recorded body, free to edit (e.g. `sampleBody('panel-usage.admin')`). */
export function sampleBody(name: string): Record<string, any> {
  return structuredClone(loadSample(name).body) as Record<string, any>;
}

/** The detail of a refused read (which must be a badResponse). */
export function detailOf(result: Read<unknown>): string {
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.kind).toBe('badResponse');
  return result.error.detail;
}

/** The value of an accepted read. */
export function expectOk<T>(result: Read<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.detail}`);
  return result.value;
}

function deep(levels: number): unknown {
  let value: unknown = { x: 1 };
  for (let i = 0; i < levels; i += 1) value = { cost: value, invoices: [value], detail: [value] };
  return value;
}

const JUNK: unknown[] = [
  null,
  undefined,
  [],
  {},
  'x',
  42,
  true,
  NaN,
  [[[[]]]],
  { invoices: null },
  { invoices: [null] },
  { timeline: 'x' },
  { detail: null },
  { detail: [] },
  { detail: [{ msg: 5 }] },
  deep(200),
  Object.create(null),
  new Proxy({}, { get: () => { throw new Error('hostile getter'); } }),
];

/** Each parser, by name, survives every piece of junk and refuses it. */
export function describeNeverThrows(parsers: [string, (json: unknown) => unknown][]): void {
  describe('never throws', () => {
    it.each(parsers)('%s survives junk', (_name, fn) => {
      for (const junk of JUNK) expect(() => fn(junk)).not.toThrow();
    });

    it.each(parsers)('%s fails on junk', (_name, fn) => {
      for (const junk of JUNK) expect((fn(junk) as Read<unknown>).ok).toBe(false);
    });
  });
}
