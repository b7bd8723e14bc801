/**
 * The figures last shown for the active tenant of the dashboard's person, kept by the
 * background in storage.session so the popup paints them before the background answers (a
 * worker asleep, or busy, is no longer on the way to the first paint). The background's own
 * answer follows at once and replaces them. Only ever painted for the person, tenant and cookie
 * store they were shown to: the popup checks them against the current session, tenant choices
 * and active tab. Never kept for a private window (the popup there waits for the background).
 */
import { z } from 'zod/mini';
import { isFresh } from '@/lib/billing/freshness';
import type { BillingView } from '@/lib/protocol/replies';
import { readKeys } from '@/lib/storage/area';
import { activeTab, storeFollowed } from '@/lib/dashboard/active-store';
import { isPrivate, type Place } from '@/lib/dashboard/place';
import { hasExpired, sessionAt, sessionsItem } from '@/lib/storage/sessions';
import { settingsItem } from '@/lib/storage/settings';
import { defineStoredItem } from '@/lib/storage/stored-item';
import { personKey, tenantChoicesItem } from '@/lib/storage/tenant-choices';

/** Shallow: the background built the view; a read checks what the first paint relies on. */
const paintedFields = z.object({ tenant: z.object({ id: z.string() }), snapshot: z.object({ fetchedAt: z.number() }) });
const viewSchema = z.custom<BillingView>((view) => paintedFields.safeParse(view).success);

/** One record: the popup shows the configured dashboard only. One that does not fit paints nothing. */
const shownViewItem = defineStoredItem('session:shownView', {
  schema: z.nullable(z.object({ origin: z.string(), store: z.string(), person: z.nullable(z.string()), view: viewSchema })),
  fallback: null,
});

/** What was last stored, so answering the same cached figures again writes nothing. */
let lastStored = '';

/** The background answered `view` for the person's active tenant at `place`. */
export async function rememberShownView(place: Place, person: string | null, view: BillingView): Promise<void> {
  if (isPrivate(place)) return;
  const { origin, store } = place;
  const stamp = JSON.stringify([origin, store, person, view.tenant, view.snapshot.fetchedAt, view.refreshError]);
  if (stamp === lastStored) return;
  lastStored = stamp;
  await shownViewItem.setValue({ origin, store, person, view });
}

/**
 * A sign-out, another person, or a refusal at `place`: nothing may be painted from before there
 * (figures kept for another place stay). Without a place: whatever is kept.
 */
export async function forgetShownView(place?: Place): Promise<void> {
  if (place) {
    const record = await shownViewItem.getValue();
    if (record && (record.origin !== place.origin || record.store !== place.store)) return;
  }
  lastStored = '';
  await shownViewItem.removeValue();
}

/**
 * For the popup's first paint: the figures last shown, if they are still the current person's,
 * for their active tenant on the configured dashboard, in the cookie store the popup follows
 * (lib/dashboard/active-store.ts); staleness as of now. One read of each storage area and the
 * active tab, side by side, without waiting for the settings' migrations (the background runs
 * them); no message to the background.
 */
export async function readShownView(now = Date.now()): Promise<BillingView | null> {
  const keys = [settingsItem.key, tenantChoicesItem.key, sessionsItem.key, shownViewItem.key];
  const [[storedSettings, storedChoices, storedSessions, storedRecord], tab] = await Promise.all([readKeys(keys), activeTab()]);
  const settings = settingsItem.validate(storedSettings);
  const record = shownViewItem.validate(storedRecord);
  if (!record || record.origin !== settings.dashboardOrigin || record.store !== storeFollowed(tab, record.origin)) return null;
  const session = sessionAt(sessionsItem.validate(storedSessions), record);
  if (!session || session.person !== record.person || hasExpired(session, now)) return null;
  const mine = record.person ? tenantChoicesItem.validate(storedChoices)[personKey(record.origin, record.person)] : undefined;
  const tenant = record.view.tenant;
  // Switched to another tenant since, or no longer claims the one they had chosen.
  if (mine?.active && mine.active !== tenant.id) return null;
  if (tenant.source === 'chosen' && !mine?.chosen.includes(tenant.id)) return null;
  return { ...record.view, stale: !isFresh(record.view, settings.refreshMinutes * 60_000, now) };
}
