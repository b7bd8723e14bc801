/**
 * Messages for the property tests of parseRequest: every operation with the keys it may carry,
 * valid requests built from the protocol's shapes, and near misses (edited, loose, hostile).
 */
import fc from 'fast-check';
import type { Request } from '@/lib/protocol/replies';
import { anyValue } from '@/tests/support/arbitraries';

/** Every operation with the keys it may carry (a Record, so a new op fails to type-check here). */
export const KEYS: Record<Request['op'], { required: string[]; optional: string[] }> = {
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
  'overlay.register': { required: ['op'], optional: [] },
  'overlay.css': { required: ['op'], optional: [] },
  'alerts.get': { required: ['op'], optional: ['tenantId'] },
  'alerts.silence': { required: ['op', 'tenantId', 'silenced'], optional: [] },
};
export const OPS = Object.keys(KEYS) as Request['op'][];
export const SESSION_KEYS = ['token', 'userData', 'currentTenant'];
/** The host's tenant ids, written out here so the tests do not take lib/billing/tenant-id's word. */
export const HOST_TENANT = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;

const validTenant = fc.stringMatching(HOST_TENANT);
/** Tenant ids, mostly near the pattern: lower case, spaces, URL-ish, too long, unicode. */
export const tenantLike: fc.Arbitrary<unknown> = fc.oneof(
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
export const validRequest: fc.Arbitrary<Request> = fc.oneof(
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
  fc.record({ op: fc.constant('alerts.get' as const), tenantId: validTenant }, { requiredKeys: ['op'] }),
  fc.record({ op: fc.constant('alerts.silence' as const), tenantId: validTenant, silenced: fc.boolean() }),
  fc.record({
    op: fc.constant('i18n.catalog' as const),
    language: fc.constantFrom('pt-BR' as const, 'en' as const),
  }),
);

/** A known or unknown op with any subset of plausible keys. */
export const looseRequest: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    op: fc.oneof(fc.constantFrom(...OPS), fc.constantFrom('billing.GET', 'fetch', '__proto__', ''), anyValue),
    tenantId: tenantLike,
    freshness: fc.oneof(fc.constantFrom('cached', 'fresh', 'force', 'stale', ''), anyValue),
    language: fc.oneof(fc.constantFrom('pt-BR', 'en', 'EN', 'pt'), anyValue),
    session: sessionLike,
    silenced: fc.oneof(fc.boolean(), anyValue),
    url: fc.webUrl(),
    path: fc.string(),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

/** A valid request with one key set to a near-miss or arbitrary value, or removed. */
export const editedRequest: fc.Arbitrary<Record<string, unknown>> = fc
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
export const requestLike: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  validRequest as fc.Arbitrary<Record<string, unknown>>,
  editedRequest,
  looseRequest,
);
