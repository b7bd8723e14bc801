// @vitest-environment node
/**
 * Property-based: `parseRequest` is the gate a compromised page talks through. It never throws,
 * accepts only the protocol's operations with exactly their keys, and lets no tenant id through
 * that does not match the host's pattern.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TENANT_ID_PATTERN } from '@/lib/billing/tenant-id';
import type { Request } from '@/lib/protocol/replies';
import { parseRequest } from '@/lib/protocol/requests';
import { anyValue } from '@/tests/support/arbitraries';

/** Every operation with the keys it may carry (a Record, so a new op fails to type-check here). */
const KEYS: Record<Request['op'], { required: string[]; optional: string[] }> = {
  'session.report': { required: ['op', 'session'], optional: [] },
  'connection.check': { required: ['op'], optional: [] },
  'access.get': { required: ['op'], optional: [] },
  'tenants.get': { required: ['op'], optional: [] },
  'tenant.select': { required: ['op', 'tenantId'], optional: [] },
  'tenant.choose': { required: ['op', 'tenantId'], optional: [] },
  'tenant.forget': { required: ['op', 'tenantId'], optional: [] },
  'billing.get': { required: ['op', 'freshness'], optional: ['tenantId'] },
  'page.openFull': { required: ['op'], optional: ['tenantId'] },
  'i18n.catalog': { required: ['op', 'language'], optional: [] },
  'overlay.css': { required: ['op'], optional: [] },
};
const OPS = Object.keys(KEYS) as Request['op'][];
const SESSION_KEYS = ['token', 'userData', 'currentTenant'];
const HOST_TENANT = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;


const validTenant = fc.stringMatching(HOST_TENANT);
/** Tenant ids, mostly near the pattern: lower case, spaces, URL-ish, too long, unicode. */
const tenantLike: fc.Arbitrary<unknown> = fc.oneof(
  validTenant,
  fc.string({ unit: fc.constantFrom(...'AZ09_-az./:?# \n\u0130'.split('')), maxLength: 45 }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', 'A'.repeat(40), 'A'.repeat(41), '../x', 'https://evil', 'BELGO-001\n', '_A', '-A'),
  anyValue,
);
const nullableText = (max: number): fc.Arbitrary<unknown> =>
  fc.oneof(fc.constant(null), fc.string({ maxLength: max }), fc.string({ minLength: max, maxLength: max + 2 }), anyValue);
const sessionLike: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      token: nullableText(8192),
      userData: nullableText(16384),
      currentTenant: nullableText(64),
      url: fc.webUrl(),
      extra: anyValue,
    },
    { requiredKeys: [] },
  ),
  anyValue,
);

/** Requests that must be accepted, built from the protocol's own shapes. */
const validRequest: fc.Arbitrary<Request> = fc.oneof(
  fc.record({
    op: fc.constant('session.report' as const),
    session: fc.record({
      token: fc.option(fc.string({ maxLength: 8192 }), { nil: null }),
      userData: fc.option(fc.string({ maxLength: 16384 }), { nil: null }),
      currentTenant: fc.option(fc.string({ maxLength: 64 }), { nil: null }),
    }),
  }),
  fc.constant({ op: 'access.get' as const }),
  fc.constant({ op: 'tenants.get' as const }),
  fc.record({ op: fc.constantFrom('tenant.select' as const, 'tenant.choose' as const, 'tenant.forget' as const), tenantId: validTenant }),
  fc.record(
    {
      op: fc.constant('billing.get' as const),
      tenantId: validTenant,
      freshness: fc.constantFrom('cached' as const, 'fresh' as const, 'force' as const),
    },
    { requiredKeys: ['op', 'freshness'] },
  ),
  fc.record({ op: fc.constant('page.openFull' as const), tenantId: validTenant }, { requiredKeys: ['op'] }),
  fc.record({
    op: fc.constant('i18n.catalog' as const),
    language: fc.constantFrom('pt-BR' as const, 'en' as const),
  }),
);

/** A known or unknown op with any subset of plausible keys. */
const looseRequest: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    op: fc.oneof(fc.constantFrom(...OPS), fc.constantFrom('billing.GET', 'fetch', '__proto__', ''), anyValue),
    tenantId: tenantLike,
    freshness: fc.oneof(fc.constantFrom('cached', 'fresh', 'force', 'stale', ''), anyValue),
    language: fc.oneof(fc.constantFrom('pt-BR', 'en', 'EN', 'pt'), anyValue),
    session: sessionLike,
    url: fc.webUrl(),
    path: fc.string(),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

/** A valid request with one key set to a near-miss or arbitrary value, or removed. */
const editedRequest: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    validRequest,
    fc.constantFrom('op', 'tenantId', 'freshness', 'language', 'session', 'url', 'extra'),
    fc.oneof(tenantLike, sessionLike, fc.constantFrom(...OPS), fc.constant(undefined)),
    fc.boolean(),
  )
  .map(([request, key, value, remove]) => {
    const copy: Record<string, unknown> = { ...request };
    if (remove) delete copy[key];
    else copy[key] = value;
    return copy;
  });

/** Objects shaped like requests: valid ones, edited ones, loose ones. */
const requestLike: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  validRequest as fc.Arbitrary<Record<string, unknown>>,
  editedRequest,
  looseRequest,
);

function parse(message: unknown): Request | null {
  try {
    return parseRequest(message);
  } catch (error) {
    throw new Error(`parseRequest threw ${String(error)}`);
  }
}

/** What every accepted request must look like, checked on both the input and the output. */
function checkAccepted(input: unknown, out: Request): void {
  expect(input !== null && typeof input === 'object' && !Array.isArray(input)).toBe(true);
  const message = input as Record<string, unknown>;
  expect(OPS).toContain(message.op);
  expect(out.op).toBe(message.op);
  const { required, optional } = KEYS[out.op];
  const allowed = [...required, ...optional];
  for (const key of Object.keys(message)) expect(allowed).toContain(key);
  for (const key of Object.keys(out)) expect(allowed).toContain(key);
  for (const key of required) expect(out).toHaveProperty(key);
  if ('tenantId' in out && out.tenantId !== undefined) {
    expect(out.tenantId).toMatch(HOST_TENANT);
    expect(out.tenantId).toMatch(TENANT_ID_PATTERN);
  }
  if (out.op === 'session.report') {
    expect(Object.keys(out.session).sort()).toEqual([...SESSION_KEYS].sort());
    for (const key of Object.keys(message.session as object)) expect(SESSION_KEYS).toContain(key);
  }
}

describe('parseRequest', () => {
  it('never throws on arbitrary values; anything accepted is a well-formed request', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const out = parse(value);
        if (out !== null) checkAccepted(value, out);
      }),
    );
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = parse(value);
        if (out !== null) checkAccepted(value, out);
      }),
    );
  });

  it('request-shaped objects: accepted only with a known op, its keys and no others', () => {
    fc.assert(
      fc.property(requestLike, (message) => {
        const out = parse(message);
        if (out !== null) checkAccepted(message, out);
      }),
    );
  });

  it('request-shaped objects are accepted often enough for the check above to mean something', () => {
    const outcomes = fc.sample(fc.oneof(editedRequest, looseRequest), 1000).map((m) => parseRequest(m) !== null);
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(20);
    expect(outcomes.filter((ok) => !ok).length).toBeGreaterThan(20);
  });

  it('accepts every valid request unchanged', () => {
    fc.assert(
      fc.property(validRequest, (request) => {
        expect(parse(request)).toEqual(request);
      }),
    );
  });

  it('refuses a valid request with any extra key, at the top or in the session', () => {
    fc.assert(
      fc.property(
        validRequest,
        fc.string({ minLength: 1 }).filter((k) => k !== '__proto__'),
        fc.jsonValue(),
        (request, key, value) => {
          const allowed = [...KEYS[request.op].required, ...KEYS[request.op].optional];
          fc.pre(!allowed.includes(key));
          expect(parse({ ...request, [key]: value })).toBeNull();
          if (request.op === 'session.report' && !SESSION_KEYS.includes(key)) {
            expect(parse({ ...request, session: { ...request.session, [key]: value } })).toBeNull();
          }
        },
      ),
    );
  });

  it('a tenant id is accepted exactly when it matches the host pattern (or is left out where optional)', () => {
    fc.assert(
      fc.property(
        tenantLike,
        fc.constantFrom('tenant.select', 'tenant.choose', 'tenant.forget', 'billing.get', 'page.openFull'),
        (tenantId, op) => {
          const message =
            op === 'billing.get' ? { op, tenantId, freshness: 'cached' } : { op, tenantId };
          const out = parse(message);
          const matches = typeof tenantId === 'string' && HOST_TENANT.test(tenantId);
          // `tenantId: undefined` is the optional key left out (billing.get, page.openFull).
          const omitted = tenantId === undefined && (op === 'billing.get' || op === 'page.openFull');
          expect(out !== null).toBe(matches || omitted);
        },
      ),
    );
  });
});
