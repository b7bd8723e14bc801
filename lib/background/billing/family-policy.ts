/**
 * Which of the host's billing families gives the bill (docs/host.md §4), all rules in one place:
 *
 * 1. Truest first: tenant v1, then admin v1 (both read the billing service's real aggregates),
 *    then the panel (figures its own code generates: shown, marked simulated, only when nothing
 *    truer answers — e.g. for a SUPER_ADMIN, whom admin v1 refuses).
 * 2. A family is dropped only when the host says it is not there for this person: 404/405, 403,
 *    tenant v1's 401 "Tenant nao identificado", or the panel's 500 to a token without tenant
 *    claims (the host crashes on every such request: docs/host.md §3, "Which token works where").
 *    Dropped families stay dropped for the browser session and this sign-in. But a 403 from
 *    the family that last answered at this place refuses that one tenant, not the family: the
 *    walk stops there, so the person's other tenants keep it (an overview of many tenants).
 * 3. An answer about another tenant is skipped: it is not this tenant's bill, and it is asked
 *    again next time.
 * 4. Anything else is transient (5xx, 429, timeout, offline, a body unreadable, oversized or
 *    redirected): the family stays, the cached figures stay (stale, with the reason) and the
 *    next automatic try waits, longer after each failure. A hiccup never hands the bill to a
 *    less true family: the walk only goes on when the family last seen answering lies further.
 * 5. Signed out stops everything at once.
 * 6. A new session (browser restart, or another sign-in) probes again from the truest family, so
 *    a host fixed later is noticed; so does a try once every family has been dropped.
 */
import type { BillingError, Family } from '@/lib/billing/model';

export const TRUTH_ORDER: readonly Family[] = ['tenantV1', 'adminV1', 'panel'];

/** What one family's failure means for the walk down TRUTH_ORDER. */
export type Verdict = 'drop' | 'skip' | 'transient' | 'stop';

/** What the session token says about itself (its claims are not verified: only a hint). */
export interface TokenFacts {
  hasTenantClaim: boolean;
}

/** `known`: the family that last answered at this place (rule 2's exception), if any. */
export function verdictFor(family: Family, error: BillingError, token: TokenFacts, known: Family | null = null): Verdict {
  switch (error.kind) {
    case 'signedOut':
      return 'stop';
    case 'noAccess':
      return family === known ? 'stop' : 'drop';
    case 'notAvailable':
      return 'drop';
    case 'otherTenant':
      return 'skip';
    case 'server':
      return family === 'panel' && error.status === 500 && !token.hasTenantClaim ? 'drop' : 'transient';
    default:
      return 'transient';
  }
}

/** The families to try, truest first: all of them again once none is left. */
export function familiesToTry(dropped: readonly Family[]): Family[] {
  const left = TRUTH_ORDER.filter((family) => !dropped.includes(family));
  return left.length > 0 ? left : [...TRUTH_ORDER];
}

/** After a transient failure of `failed`: go on only towards the family last seen answering. */
export function goesOnAfterTransient(failed: Family, known: Family | null): boolean {
  return known !== null && TRUTH_ORDER.indexOf(known) > TRUTH_ORDER.indexOf(failed);
}

/** The dropped families after a walk: those dropped now, minus the one that answered. */
export function droppedAfter(before: readonly Family[], droppedNow: readonly Family[], answered: Family | null): Family[] {
  // A walk that started over (everything had been dropped) starts the list over too.
  const kept = TRUTH_ORDER.every((family) => before.includes(family)) ? [] : before;
  return TRUTH_ORDER.filter((family) => family !== answered && (kept.includes(family) || droppedNow.includes(family)));
}

/** Waits before the next automatic try after `failures` failures in a row: 15 s doubling, at most 5 min. */
export function backoffMs(failures: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, failures - 1), 300_000);
}

/** Which failure says best why no family answered: the most specific one wins. */
const RANK: Record<BillingError['kind'], number> = {
  signedOut: 9, storage: 8, badResponse: 7, tooLarge: 7, redirected: 7, server: 6, otherTenant: 5,
  noAccess: 4, timeout: 3, offline: 3, notAvailable: 1, tenantUnconfirmed: 0,
};

export function mostTelling(a: BillingError | null, b: BillingError): BillingError {
  return a && RANK[a.kind] >= RANK[b.kind] ? a : b;
}
