/**
 * The budget alerts already shown: the newest last, at most MAX_ALERTS_REMEMBERED, none lost
 * when two are remembered at once; a stored value that does not fit reads as none shown.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NORMAL_STORE } from '@/lib/dashboard/place';
import { budgetAlertsShownItem, MAX_ALERTS_REMEMBERED, rememberAlertShown } from '@/lib/storage/budget-alerts-shown';

const NORMAL = { origin: 'http://localhost:9001', store: NORMAL_STORE };

describe('budgetAlertsShownItem', () => {
  it('remembers every key, the oldest dropping off past the cap', async () => {
    await Promise.all(['a', 'b', 'c'].map((key) => rememberAlertShown(NORMAL, key)));
    expect(await budgetAlertsShownItem.getValue()).toEqual(['a', 'b', 'c']);
    const many = Array.from({ length: MAX_ALERTS_REMEMBERED }, (_, i) => `k${i}`);
    await budgetAlertsShownItem.setValue(many);
    await rememberAlertShown(NORMAL, 'newest');
    expect(await budgetAlertsShownItem.getValue()).toEqual([...many.slice(1), 'newest']);
  });

  it('reads a stored value that does not fit as none shown, with one warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ budgetAlertsShown: 'a|b|2026-12' });
    expect(await budgetAlertsShownItem.getValue()).toEqual([]);
    await fakeBrowser.storage.local.set({ budgetAlertsShown: [1, 2] });
    expect(await budgetAlertsShownItem.getValue()).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
  });
});
