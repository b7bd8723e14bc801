/**
 * Admin v1 answers any tenant id with a 200 and zeros (docs/host.md §4C): for a tenant id the
 * person typed, a bill of nothing but zeros is also what a mistyped id looks like (TECH-01 for
 * TECH-001). A tenant the host listed or the token names is known to the host: its zeros are
 * a month without usage.
 */
import type { BillingSnapshot, Money, Result, Usage } from '@/lib/billing/model';

const zero = (money: Money): boolean => money.cents === 0;

function usageIsZero(usage: Usage): boolean {
  return (
    zero(usage.total) &&
    Object.values(usage.split).every(zero) &&
    Object.values(usage.metrics).every((n) => n === 0) &&
    Object.values(usage.quotas).every((quota) => quota === null || quota.used === 0) &&
    (usage.callsByEndpoint ?? []).every((row) => row.calls === 0)
  );
}

/** A part the host did not give has no figure; one it gave is zero when `isZero` says so. */
const partIsZero = <T>(part: Result<T>, isZero: (value: T) => boolean): boolean => !part.ok || isZero(part.value);

/** Every figure of the snapshot is zero: usage, projections, timeline, and no invoice at all. */
function everyFigureZero(snapshot: BillingSnapshot): boolean {
  return (
    usageIsZero(snapshot.usage) &&
    partIsZero(snapshot.invoices, (list) => list.invoices.length === 0 && list.unreadable === 0) &&
    partIsZero(snapshot.timeline, (points) => points.every((p) => p.apiCalls === 0 && p.tokens === 0 && zero(p.cost))) &&
    partIsZero(snapshot.projections, (p) => zero(p.spent) && zero(p.projectedTotal) && (p.nextMonth === null || zero(p.nextMonth)))
  );
}

/**
 * Whether to ask the person to check the id: only for a tenant nothing on the host vouches for
 * (`vouched`: the host listed it or the token names it) whose figures are all zero.
 */
export function mayBeUnknownTenant(snapshot: BillingSnapshot, vouched: boolean): boolean {
  return !vouched && everyFigureZero(snapshot);
}
