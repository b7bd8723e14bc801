// @vitest-environment node
/**
 * Property-based: every host normaliser and parser, fed arbitrary JSON, arbitrary JS values and
 * randomly broken copies of the recorded samples, never throws; what it accepts keeps the model's
 * invariants (integer cents, finite non-negative counts, capped text); what it refuses says why
 * in at most 200 characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeJwtClaims,
  normalizeAdminV1Usage,
  normalizePanelInvoices,
  normalizePanelUsage,
  normalizeProjections,
  normalizeTenantV1Invoices,
  normalizeTenantV1Usage,
  normalizeTimeline,
  parseAuthMe,
  parsePermissions,
  parseUserTenants,
  type Read,
} from '@/lib/host/normalize';
import { clip } from '@/lib/host/result';
import { TENANT_V1_INVOICES_PAGE, isJsonSample, listSamples, loadSample } from '@/tests/support/samples';
import { anyValue } from '@/tests/support/arbitraries';

// ------------------------------------------------------------------------- the samples

const samples = listSamples()
  .map((name) => ({ name, sample: loadSample(name) }))
  .filter(({ sample }) => isJsonSample(sample));

function bodiesOf(pattern: RegExp, status: (s: number) => boolean = (s) => s === 200): unknown[] {
  const found = samples
    .filter(({ name, sample }) => pattern.test(name) && status(sample.status))
    .map(({ sample }) => sample.body);
  if (found.length === 0) throw new Error(`no sample matches ${pattern}`);
  return found;
}


const ALL_BODIES = samples.map(({ sample }) => sample.body);

// ----------------------------------------------------------- mutations of a JSON value

type Path = (string | number)[];
type Json = unknown;

/** A JSON-like container: an array or an object with the plain (or a null) prototype. */
function isPlainObject(value: Json): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Copies arrays and plain objects deeply (keeping a null prototype); other values as they are. */
function plainClone(value: Json): Json {
  if (Array.isArray(value)) return value.map(plainClone);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = Object.create(Object.getPrototypeOf(value));
  for (const [key, item] of Object.entries(value)) copy[key] = plainClone(item);
  return copy;
}

/** Every path in `value` (the root excluded) through arrays and plain objects. */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      pathsOf(item, [...prefix, i], out);
    });
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      pathsOf(item, [...prefix, key], out);
    }
  }
  return out;
}

function isLeaf(value: Json): boolean {
  return !Array.isArray(value) && !isPlainObject(value);
}

function getAt(root: Json, path: Path): Json {
  let node: any = root;
  for (const key of path) node = node[key];
  return node;
}

/** One edit: `pick` chooses the target among the candidate paths of the value at apply time. */
type Mutation =
  | { kind: 'replaceLeaf'; pick: number; value: unknown }
  | { kind: 'replaceNode'; pick: number; value: unknown }
  | { kind: 'replaceNumber'; pick: number; value: number }
  | { kind: 'deleteKey'; pick: number };

/** Numbers that sit on the edges a money or count schema has to hold. */
const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double({ min: 0, max: 1e16, noNaN: true }),
  fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 100),
  fc.constantFrom(
    0,
    -0,
    -1,
    0.005,
    1.005,
    -0.01,
    Number.MIN_VALUE,
    Number.EPSILON,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 1,
    Number.MAX_SAFE_INTEGER / 100,
    90071992547409.9,
    1e15,
    1e300,
    Number.MAX_VALUE,
    NaN,
    Infinity,
    -Infinity,
  ),
);

/** Numbers a valid body could hold (non-negative counts and amounts), to keep bodies accepted. */
const plausibleNumber: fc.Arbitrary<number> = fc.oneof(
  fc.nat(),
  fc.maxSafeNat(),
  fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 100),
  fc.double({ min: 0, max: Number.MAX_SAFE_INTEGER / 100, noNaN: true }),
);

/** Arbitrary replacement values: JSON, any JS value, edge numbers, long and hostile strings. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withBigInt: true, withDate: true }),
  edgeNumber,
  fc.string({ unit: 'binary' }),
  fc.constantFrom('x'.repeat(5000), '<img src=x onerror=alert(1)>', '\u0000', '\uD800', '__proto__'),
);

function mutationOf(values: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('replaceLeaf' as const), pick: fc.nat(), value: values }),
    fc.record({ kind: fc.constant('replaceNode' as const), pick: fc.nat(), value: values }),
    fc.record({ kind: fc.constant('replaceNumber' as const), pick: fc.nat(), value: edgeNumber }),
    fc.record({ kind: fc.constant('replaceNumber' as const), pick: fc.nat(), value: plausibleNumber }),
    fc.record({ kind: fc.constant('deleteKey' as const), pick: fc.nat() }),
  );
}

function applyMutation(root: Json, m: Mutation): Json {
  const all = pathsOf(root);
  const candidates =
    m.kind === 'replaceLeaf'
      ? all.filter((p) => isLeaf(getAt(root, p)))
      : m.kind === 'replaceNumber'
        ? all.filter((p) => typeof getAt(root, p) === 'number')
        : m.kind === 'deleteKey'
          ? all.filter((p) => typeof p[p.length - 1] === 'string')
          : all;
  if (candidates.length === 0) return m.kind === 'replaceNode' ? plainClone(m.value) : root;
  const path = candidates[m.pick % candidates.length]!;
  const parent: any = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (m.kind === 'deleteKey') delete parent[key];
  // A copy, so later edits never touch the value fast-check generated (shrinking replays it).
  else parent[key] = plainClone(m.value);
  return root;
}

/**
 * A copy of one of `bodies` with one to four random edits: a leaf or any node replaced by
 * `values` (default: any JSON or JS value), a number replaced by an edge or a plausible number,
 * a key deleted.
 */
function mutated(bodies: readonly unknown[], values: fc.Arbitrary<unknown> = replacement): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...bodies), fc.array(mutationOf(values), { minLength: 1, maxLength: 4 }))
    .map(([body, edits]) => edits.reduce(applyMutation, plainClone(body)));
}

// ----------------------------------------------------------------------- invariants

const MAX_TEXT = 200;
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

const NORMALISERS: [string, Normaliser, unknown[]][] = [
  ['normalizePanelUsage', normalizePanelUsage, bodiesOf(/^panel-usage\./)],
  ['normalizeTenantV1Usage', normalizeTenantV1Usage, bodiesOf(/^v1-current-usage(-daily)?\./)],
  ['normalizeAdminV1Usage', normalizeAdminV1Usage, bodiesOf(/^v1-admin-usage\./)],
  ['normalizePanelInvoices', normalizePanelInvoices, bodiesOf(/^panel-invoices\./)],
  ['normalizeTenantV1Invoices', normalizeTenantV1Invoices, [TENANT_V1_INVOICES_PAGE]],
  ['normalizeProjections', normalizeProjections, bodiesOf(/^panel-projections\./)],
  ['normalizeTimeline', normalizeTimeline, bodiesOf(/^panel-timeline\./)],
  ['parsePermissions', parsePermissions, bodiesOf(/^user-permissions\./)],
  ['parseAuthMe', parseAuthMe, bodiesOf(/^auth-me\./)],
  ['parseUserTenants', parseUserTenants, bodiesOf(/^user-tenants\./)],
];


/** Runs `fn` and fails the property with the input if it throws. */
function noThrow<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new Error(`threw ${String(error)}`);
  }
}

describe.each(NORMALISERS)('%s', (_name, normalise, bodies) => {
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

// ------------------------------------------------------------------------------ clipping

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

// ------------------------------------------------------------------------------ JWTs

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

const LOGIN_TOKENS = samples
  .filter(({ name, sample }) => /^login-/.test(name) && sample.status === 200)
  .map(({ sample }) => (sample.body as { access_token: string }).access_token);

function payloadOf(token: string): unknown {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

function checkClaims(claims: ReturnType<typeof decodeJwtClaims>): void {
  if (claims === null) return;
  for (const key of ['role', 'tenantId', 'sub'] as const) {
    const v = claims[key];
    if (v !== undefined) {
      expect(typeof v).toBe('string');
      expect(v.length).toBeLessThanOrEqual(MAX_TEXT);
    }
  }
  if (claims.exp !== undefined) expect(Number.isFinite(claims.exp)).toBe(true);
  if (claims.tenantIds !== undefined) {
    expect(claims.tenantIds.length).toBeLessThanOrEqual(500);
    for (const id of claims.tenantIds) {
      expect(typeof id).toBe('string');
      expect(id.length).toBeLessThanOrEqual(MAX_TEXT);
    }
  }
  expect(Object.keys(claims).every((k) => ['role', 'exp', 'tenantId', 'tenantIds', 'sub'].includes(k))).toBe(
    true,
  );
}

describe('decodeJwtClaims', () => {
  it('the recorded login tokens decode', () => {
    expect(LOGIN_TOKENS.length).toBeGreaterThan(0);
    for (const token of LOGIN_TOKENS) expect(decodeJwtClaims(token)).not.toBeNull();
  });

  it('never throws on arbitrary strings and values', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => checkClaims(noThrow(() => decodeJwtClaims(s)))));
    fc.assert(
      fc.property(anyValue, (v) => checkClaims(noThrow(() => decodeJwtClaims(v as string)))),
    );
  });

  it('never throws on three dot-separated base64url-ish segments', () => {
    const segment = fc.string({
      unit: fc.constantFrom(...'ABCxyz019-_+/=. '.split('')),
      maxLength: 40,
    });
    fc.assert(
      fc.property(segment, segment, segment, (a, b, c) =>
        checkClaims(noThrow(() => decodeJwtClaims(`${a}.${b}.${c}`))),
      ),
    );
  });

  it('never throws on any JSON (or non-JSON bytes) as the payload; objects always decode', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue().map((j) => JSON.stringify(j)), fc.string({ unit: 'binary' })),
        fc.boolean(),
        (payloadText, bearer) => {
          const token = `${bearer ? 'Bearer ' : ''}eyJhbGciOiJIUzI1NiJ9.${b64url(payloadText)}.sig`;
          const claims = noThrow(() => decodeJwtClaims(token));
          checkClaims(claims);
          let parsed: unknown;
          try {
            parsed = JSON.parse(payloadText);
          } catch {
            parsed = undefined;
          }
          const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
          if (isObject && token.length <= 8192) expect(claims).not.toBeNull();
        },
      ),
    );
  });

  it('never throws on mutated payloads of the recorded tokens', () => {
    const payloads = LOGIN_TOKENS.map(payloadOf);
    fc.assert(
      fc.property(mutated(payloads, fc.jsonValue()), (payload) => {
        const text = JSON.stringify(payload) ?? 'undefined';
        checkClaims(noThrow(() => decodeJwtClaims(`h.${b64url(text)}.s`)));
      }),
    );
  });

  it('never throws on character-level edits of the recorded tokens', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOGIN_TOKENS),
        fc.nat(),
        fc.nat({ max: 5 }),
        fc.string({ unit: 'binary', maxLength: 5 }),
        (token, at, cut, insert) => {
          const i = at % (token.length + 1);
          const edited = token.slice(0, i) + insert + token.slice(i + cut);
          checkClaims(noThrow(() => decodeJwtClaims(edited)));
        },
      ),
    );
  });
});
