/**
 * Quotas as a person asks about them: how much of the plan a month used, whether it went over
 * and by how many times, and which resource is closest to (or furthest past) its limit.
 */
import type { Quota, Quotas } from '@/lib/billing/model';

export type QuotaKey = keyof Quotas;

/** The order every surface shows them in (the cost split's order). */
export const QUOTA_KEYS: readonly QuotaKey[] = ['api', 'llm', 'storage', 'compute'];

/** Used as a percentage of the included amount: 1 050 000 of 100 000 tokens is 1050. */
export function quotaPercent(quota: Quota): number {
  return (Math.max(0, quota.used) / quota.included) * 100;
}

export function isOverQuota(quota: Quota): boolean {
  return quota.used > quota.included;
}

/** The quota most used, by share of what is included; null where the host names none. */
export function mostUsedQuota(quotas: Quotas): { key: QuotaKey; percent: number } | null {
  let best: { key: QuotaKey; percent: number } | null = null;
  for (const key of QUOTA_KEYS) {
    const quota = quotas[key];
    if (!quota) continue;
    const percent = quotaPercent(quota);
    if (!best || percent > best.percent) best = { key, percent };
  }
  return best;
}
