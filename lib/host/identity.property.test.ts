// @vitest-environment node
/**
 * Property-based: the identity parsers (permissions, auth/me, user tenants) and decodeJwtClaims,
 * fed arbitrary values, broken copies of the recorded answers and edited login tokens, never
 * throw; what they accept keeps the model's invariants, claims included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TENANT_ID_PATTERN } from '@/lib/billing/tenant-id';
import { decodeJwtClaims, parseAuthMe, parsePermissions, parseUserTenants } from '@/lib/host/identity';
import { anyValue } from '@/tests/support/arbitraries';
import { mutated } from '@/tests/support/json-mutations';
import { MAX_TEXT, bodiesOf, describeNormalisers, noThrow, samples } from '@/tests/support/normaliser-properties';

describeNormalisers([
  ['parsePermissions', parsePermissions, bodiesOf(/^user-permissions\./)],
  ['parseAuthMe', parseAuthMe, bodiesOf(/^auth-me\./)],
  ['parseUserTenants', parseUserTenants, bodiesOf(/^user-tenants\./)],
]);

describe('parseUserTenants', () => {
  it('every tenant id it keeps passes the typed pattern, the current one too', () => {
    fc.assert(
      fc.property(mutated(bodiesOf(/^user-tenants\./)), (body) => {
        const result = parseUserTenants(body);
        if (!result.ok) return;
        for (const { id } of result.value.tenants) expect(id).toMatch(TENANT_ID_PATTERN);
        if (result.value.current !== null) expect(result.value.current).toMatch(TENANT_ID_PATTERN);
      }),
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
  if (claims.tenantId !== undefined) expect(claims.tenantId).toMatch(TENANT_ID_PATTERN);
  if (claims.tenantIds !== undefined) {
    expect(claims.tenantIds.length).toBeLessThanOrEqual(500);
    for (const id of claims.tenantIds) expect(id).toMatch(TENANT_ID_PATTERN);
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
