/** Quotas: the share of the plan used, over or not, and the one most used. */
import { describe, expect, it } from 'vitest';
import { isOverQuota, mostUsedQuota, quotaPercent } from '@/lib/billing/quota';
import { BELGO_QUOTAS } from '@/tests/support/usage';

describe('quotas', () => {
  it('percent, over, and the most used one', () => {
    expect(quotaPercent(BELGO_QUOTAS.llm!)).toBe(1050);
    expect(isOverQuota(BELGO_QUOTAS.llm!)).toBe(true);
    expect(isOverQuota(BELGO_QUOTAS.api!)).toBe(false);
    expect(isOverQuota({ used: 600, included: 600 })).toBe(false);
    expect(mostUsedQuota(BELGO_QUOTAS)).toEqual({ key: 'llm', percent: 1050 });
    expect(mostUsedQuota({ api: null, llm: null, storage: null, compute: null })).toBeNull();
  });
});
