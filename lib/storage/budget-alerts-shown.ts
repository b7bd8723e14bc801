/**
 * The alerts already announced (lib/background/badge/alerts.ts), each alert's highest level per
 * origin, tenant and billing period, so each level is announced once, across browser restarts
 * too; and the tenants' periods silenced ("Silenciar este mês"). No secrets: origins, tenant ids,
 * months, levels and times.
 */
import { z } from 'zod/mini';
import { isPrivate, type Place } from '@/lib/dashboard/place';
import { defineStoredItem, type StoredItem } from '@/lib/storage/stored-item';
import { settingsItem } from '@/lib/storage/settings';
import { periodKey, type Announced } from '@/lib/billing/alerts';

/** Enough for every alert of every tenant a support person may follow over a few months; the oldest drop off. */
export const MAX_ALERTS_REMEMBERED = 400;

const alertsShownSchema = z.object({
  announced: z.record(z.string(), z.object({ level: z.number(), at: z.nullable(z.number()) })),
  /** periodKey()s, the newest last. */
  silenced: z.array(z.string()).check(z.maxLength(MAX_ALERTS_REMEMBERED)),
});

export type AlertsShown = z.infer<typeof alertsShownSchema>;

/**
 * Version 1 kept "origin|tenant|period" for the one alert there was: the cost crossing the alert
 * percentage, which version 5 of the settings made the lowest budget level. So each becomes that
 * level announced (when, unknown). The panel's period ("month") names no month: such a key
 * matches none of today's periods, and drops off in time.
 */
async function fromKeys(keys: unknown): Promise<AlertsShown> {
  const { budgetLevels } = await settingsItem.getValue();
  const entries = (Array.isArray(keys) ? keys : [])
    .map((key) => String(key).split('|'))
    .filter((parts) => parts.length === 3)
    .map(([origin, tenantId, period]) => [`${periodKey({ origin: origin!, tenantId: tenantId!, period: period! })} budget`, { level: budgetLevels[0]!, at: null }]);
  return { announced: Object.fromEntries(entries), silenced: [] };
}

const item = (key: `${'local' | 'session'}:${string}`) =>
  defineStoredItem(key, { schema: alertsShownSchema, fallback: { announced: {}, silenced: [] }, version: 2, migrations: { 2: fromKeys } });

export const budgetAlertsShownItem = item('local:budgetAlertsShown');

/**
 * A private window's alerts: in storage.session, forgotten when its last window closes
 * (lib/background/session/private-store.ts), so storage.local never tells which tenants' bills
 * were followed there.
 */
export const privateBudgetAlertsShownItem = item('session:privateBudgetAlertsShown');

/** Where the alerts of a place's person are remembered. */
export const alertsShownItemFor = (place: Place): StoredItem<AlertsShown> =>
  isPrivate(place) ? privateBudgetAlertsShownItem : budgetAlertsShownItem;

/** Remembers announcements at `place`, the newest last (one raised to a higher level, too). */
export function rememberAnnounced(place: Place, fresh: Announced): Promise<AlertsShown> {
  return alertsShownItemFor(place).update((shown) => ({
    ...shown,
    announced: Object.fromEntries(
      [...Object.entries(shown.announced).filter(([key]) => !(key in fresh)), ...Object.entries(fresh)].slice(-MAX_ALERTS_REMEMBERED),
    ),
  }));
}

/** Silences a tenant's period (a periodKey) at `place`, or lifts it. */
export function silence(place: Place, period: string, silenced: boolean): Promise<AlertsShown> {
  return alertsShownItemFor(place).update((shown) => {
    const others = shown.silenced.filter((key) => key !== period);
    return { ...shown, silenced: silenced ? [...others, period].slice(-MAX_ALERTS_REMEMBERED) : others };
  });
}
