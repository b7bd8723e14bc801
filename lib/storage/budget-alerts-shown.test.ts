/**
 * The alerts announced and the periods silenced: the newest kept, none lost when two are
 * remembered at once, a private window's apart; the one alert of version 1 ("origin|tenant|period")
 * read as the lowest budget level announced; a stored value that does not fit reads as none.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NORMAL_STORE, PRIVATE_STORE } from '@/lib/dashboard/place';
import { budgetAlertsShownItem, MAX_ALERTS_REMEMBERED, privateBudgetAlertsShownItem, rememberAnnounced, silence } from '@/lib/storage/budget-alerts-shown';

const ORIGIN = 'http://localhost:9001';
const NORMAL = { origin: ORIGIN, store: NORMAL_STORE };
const PRIVATE = { origin: ORIGIN, store: PRIVATE_STORE };
const DECEMBER = `${ORIGIN} BELGO-001 2026-12`;
const NONE = { announced: {}, silenced: [] };

/** The items as a new start of the extension defines them (and migrates what is stored). */
async function freshItems() {
  vi.resetModules();
  return import('@/lib/storage/budget-alerts-shown');
}

describe('the alerts announced', () => {
  it('remembers every announcement, a level raised moving to the newest, the oldest dropping off past the cap', async () => {
    await Promise.all(['budget', 'quota.llm', 'estimate'].map((alert, at) => rememberAnnounced(NORMAL, { [`${DECEMBER} ${alert}`]: { level: 80, at } })));
    expect(Object.keys((await budgetAlertsShownItem.getValue()).announced).sort()).toEqual([`${DECEMBER} budget`, `${DECEMBER} estimate`, `${DECEMBER} quota.llm`]);
    await rememberAnnounced(NORMAL, { [`${DECEMBER} budget`]: { level: 100, at: 9 } });
    expect(Object.entries((await budgetAlertsShownItem.getValue()).announced).at(-1)).toEqual([`${DECEMBER} budget`, { level: 100, at: 9 }]);

    const many = Object.fromEntries(Array.from({ length: MAX_ALERTS_REMEMBERED }, (_, i) => [`k${i}`, { level: 80, at: i }]));
    await budgetAlertsShownItem.setValue({ announced: many, silenced: [] });
    await rememberAnnounced(NORMAL, { newest: { level: 80, at: null } });
    const kept = Object.keys((await budgetAlertsShownItem.getValue()).announced);
    expect(kept).toHaveLength(MAX_ALERTS_REMEMBERED);
    expect([kept[0], kept.at(-1)]).toEqual(['k1', 'newest']);
  });

  it("silences a tenant's period, and lifts it; a private window's stay in storage.session", async () => {
    await silence(NORMAL, DECEMBER, true);
    await silence(NORMAL, DECEMBER, true);
    expect((await budgetAlertsShownItem.getValue()).silenced).toEqual([DECEMBER]);
    await silence(NORMAL, DECEMBER, false);
    expect(await budgetAlertsShownItem.getValue()).toEqual(NONE);

    await silence(PRIVATE, DECEMBER, true);
    await rememberAnnounced(PRIVATE, { [`${DECEMBER} budget`]: { level: 80, at: 1 } });
    expect(await privateBudgetAlertsShownItem.getValue()).toEqual({ announced: { [`${DECEMBER} budget`]: { level: 80, at: 1 } }, silenced: [DECEMBER] });
    expect(await budgetAlertsShownItem.getValue()).toEqual(NONE);
  });

  it("reads version 1's keys as the lowest budget level announced (the old alert percentage)", async () => {
    await fakeBrowser.storage.local.set({
      settings: { dashboardOrigin: ORIGIN, refreshMinutes: 5, budgetCents: 3000, language: 'auto', alertPercent: 70 },
      settings$: { v: 4 },
      budgetAlertsShown: [`${ORIGIN}|BELGO-001|2026-12`, 'garbage'],
    });
    await fakeBrowser.storage.session.set({ privateBudgetAlertsShown: [`${ORIGIN}|TECH-001|2026-11`] });
    const items = await freshItems();
    expect(await items.budgetAlertsShownItem.getValue()).toEqual({ announced: { [`${DECEMBER} budget`]: { level: 70, at: null } }, silenced: [] });
    expect((await items.privateBudgetAlertsShownItem.getValue()).announced).toEqual({ [`${ORIGIN} TECH-001 2026-11 budget`]: { level: 70, at: null } });
    expect((await fakeBrowser.storage.local.get('budgetAlertsShown$'))['budgetAlertsShown$']).toEqual({ v: 2 });
  });

  it('reads a stored value that does not fit as none announced, with one warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { budgetAlertsShownItem: item } = await freshItems();
    await fakeBrowser.storage.local.set({ budgetAlertsShown: { announced: 'a|b|2026-12' }, budgetAlertsShown$: { v: 2 } });
    expect(await item.getValue()).toEqual(NONE);
    await fakeBrowser.storage.local.set({ budgetAlertsShown: { announced: { x: { level: '80' } }, silenced: [] } });
    expect(await item.getValue()).toEqual(NONE);
    expect(warn).toHaveBeenCalledOnce();
  });
});
