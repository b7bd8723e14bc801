/**
 * Random edits of JSON values for the property tests: a copy of one of some bodies with one to
 * four edits (a leaf or any node replaced, a number replaced by an edge or a plausible one, a
 * key deleted), the bodies themselves never touched.
 */
import fc from 'fast-check';

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
export function mutated(bodies: readonly unknown[], values: fc.Arbitrary<unknown> = replacement): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...bodies), fc.array(mutationOf(values), { minLength: 1, maxLength: 4 }))
    .map(([body, edits]) => edits.reduce(applyMutation, plainClone(body)));
}
