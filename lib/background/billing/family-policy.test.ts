// @vitest-environment node
/** The family policy's rules, one by one (lib/background/billing/family-policy.ts). */
import { describe, expect, it } from 'vitest';
import {
  TRUTH_ORDER,
  backoffMs,
  droppedAfter,
  familiesToTry,
  goesOnAfterTransient,
  mostTelling,
  verdictFor,
} from '@/lib/background/billing/family-policy';
import type { BillingError, Family } from '@/lib/billing/model';

const withClaim = { hasTenantClaim: true };
const withoutClaim = { hasTenantClaim: false };

describe('rule 1: truest first', () => {
  it('tenant v1, then admin v1 (real aggregates), then the panel (simulated)', () => {
    expect(TRUTH_ORDER).toEqual(['tenantV1', 'adminV1', 'panel']);
    expect(familiesToTry([])).toEqual(['tenantV1', 'adminV1', 'panel']);
  });
});

describe('rule 2: dropped only when the host says the family is not there', () => {
  it.each<[string, BillingError]>([
    ['404/405 and "Tenant nao identificado"', { kind: 'notAvailable' }],
    ['403', { kind: 'noAccess' }],
  ])('%s → drop, for every family', (_name, error) => {
    for (const family of TRUTH_ORDER) expect(verdictFor(family, error, withClaim)).toBe('drop');
  });

  it('a 403 from the family that last answered here refuses that tenant alone: stop, nothing dropped', () => {
    const refused: BillingError = { kind: 'noAccess' };
    expect(verdictFor('adminV1', refused, withoutClaim, 'adminV1')).toBe('stop');
    expect(verdictFor('adminV1', refused, withoutClaim, 'panel')).toBe('drop');
    expect(verdictFor('adminV1', { kind: 'notAvailable' }, withoutClaim, 'adminV1')).toBe('drop');
  });

  it("the panel's 500 drops it only for a token without tenant claims", () => {
    const error: BillingError = { kind: 'server', status: 500 };
    expect(verdictFor('panel', error, withoutClaim)).toBe('drop');
    expect(verdictFor('panel', error, withClaim)).toBe('transient');
    expect(verdictFor('adminV1', error, withoutClaim)).toBe('transient');
    expect(verdictFor('panel', { kind: 'server', status: 502 }, withoutClaim)).toBe('transient');
  });

  it('dropped families are not tried; all dropped → all tried again', () => {
    expect(familiesToTry(['tenantV1'])).toEqual(['adminV1', 'panel']);
    expect(familiesToTry(['tenantV1', 'adminV1'])).toEqual(['panel']);
    expect(familiesToTry(['tenantV1', 'adminV1', 'panel'])).toEqual(TRUTH_ORDER);
  });

  it('the list after a walk: old drops, new drops, minus the family that answered', () => {
    expect(droppedAfter([], ['tenantV1'], 'adminV1')).toEqual(['tenantV1']);
    expect(droppedAfter(['tenantV1'], ['adminV1'], 'panel')).toEqual(['tenantV1', 'adminV1']);
    expect(droppedAfter(['tenantV1'], [], 'tenantV1')).toEqual([]);
    // A walk that started over starts the list over.
    expect(droppedAfter(['tenantV1', 'adminV1', 'panel'], ['tenantV1'], 'adminV1')).toEqual(['tenantV1']);
  });
});

describe('rule 3: another tenant\'s answer is skipped', () => {
  it('skip, not drop', () => {
    for (const family of TRUTH_ORDER) expect(verdictFor(family, { kind: 'otherTenant' }, withClaim)).toBe('skip');
  });
});

describe('rule 4: everything else is transient', () => {
  it.each<BillingError>([
    { kind: 'server', status: 500 },
    { kind: 'server', status: 429, retryAt: 1 },
    { kind: 'server', status: 503 },
    { kind: 'timeout' },
    { kind: 'offline' },
    { kind: 'badResponse', detail: 'malformed JSON' },
    { kind: 'tooLarge', limitBytes: 2 * 1024 * 1024 },
    { kind: 'redirected' },
    { kind: 'storage' },
  ])('%o → transient', (error) => {
    for (const family of ['tenantV1', 'adminV1'] as Family[]) expect(verdictFor(family, error, withoutClaim)).toBe('transient');
  });

  it('a hiccup goes on only towards the family last seen answering', () => {
    expect(goesOnAfterTransient('tenantV1', null)).toBe(false);
    expect(goesOnAfterTransient('tenantV1', 'adminV1')).toBe(true);
    expect(goesOnAfterTransient('tenantV1', 'panel')).toBe(true);
    expect(goesOnAfterTransient('adminV1', 'adminV1')).toBe(false);
    expect(goesOnAfterTransient('adminV1', 'tenantV1')).toBe(false);
  });

  it('the wait grows after each failure: 15 s, 30 s, 1 min, 2 min, 4 min, then 5 min', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(backoffMs)).toEqual([15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
  });
});

describe('rule 5: signed out stops', () => {
  it('stop, for every family', () => {
    for (const family of TRUTH_ORDER) expect(verdictFor(family, { kind: 'signedOut' }, withClaim)).toBe('stop');
  });
});

describe('which failure is told when no family answers', () => {
  it('the most specific one', () => {
    const notAvailable: BillingError = { kind: 'notAvailable' };
    const noAccess: BillingError = { kind: 'noAccess' };
    const other: BillingError = { kind: 'otherTenant' };
    expect(mostTelling(null, notAvailable)).toBe(notAvailable);
    expect(mostTelling(notAvailable, noAccess)).toBe(noAccess);
    expect(mostTelling(noAccess, notAvailable)).toBe(noAccess);
    expect(mostTelling(noAccess, other)).toBe(other);
  });
});
