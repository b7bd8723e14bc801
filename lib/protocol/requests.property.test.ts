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
import { parseRequest, splitEnvelope } from '@/lib/protocol/requests';
import { anyValue } from '@/tests/support/arbitraries';
import {
  HOST_TENANT,
  KEYS,
  OPS,
  SESSION_KEYS,
  editedRequest,
  looseRequest,
  requestLike,
  tenantLike,
  validRequest,
} from '@/tests/support/request-arbitraries';

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
        fc.constantFrom('tenant.select', 'tenant.choose', 'tenant.forget', 'billing.get', 'page.openFull', 'alerts.get', 'alerts.silence'),
        (tenantId, op) => {
          const message =
            op === 'billing.get' ? { op, tenantId, freshness: 'cached' } : op === 'alerts.silence' ? { op, tenantId, silenced: true } : { op, tenantId };
          const out = parse(message);
          const matches = typeof tenantId === 'string' && HOST_TENANT.test(tenantId);
          // `tenantId: undefined` is the optional key left out (billing.get, page.openFull, alerts.get).
          const omitted = tenantId === undefined && ['billing.get', 'page.openFull', 'alerts.get'].includes(op);
          expect(out !== null).toBe(matches || omitted);
        },
      ),
    );
  });

  it('"silence this month" takes a yes or a no, nothing else', () => {
    fc.assert(
      fc.property(anyValue, (silenced) => {
        const out = parse({ op: 'alerts.silence', tenantId: 'BELGO-001', silenced });
        expect(out !== null).toBe(typeof silenced === 'boolean');
      }),
    );
  });
});

describe('splitEnvelope', () => {
  it('takes the named dashboard off any message and leaves the rest as sent: the request is parsed without it', () => {
    fc.assert(
      fc.property(validRequest, anyValue, (request, dashboard) => {
        const { dashboard: named, request: rest } = splitEnvelope({ ...request, dashboard });
        expect(named).toBe(dashboard);
        expect(rest).toEqual(request);
        expect(parse(rest)).toEqual(parse(request));
        // Left on, the key is unknown to every op's strict schema.
        expect(parse({ ...request, dashboard })).toBeNull();
      }),
    );
  });

  it('names no dashboard when the message has none', () => {
    fc.assert(
      fc.property(anyValue, (message) => {
        const split = splitEnvelope(message);
        if (typeof message !== 'object' || message === null || !Object.hasOwn(message, 'dashboard')) {
          expect(split).toEqual({ request: message });
        }
      }),
    );
  });
});
