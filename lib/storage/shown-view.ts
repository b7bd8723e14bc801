/**
 * The figures last shown for the active tenant of the dashboard's person, kept by the
 * background in storage.session so the popup paints them before the background answers (a
 * worker asleep, or busy, is no longer on the way to the first paint). The background's own
 * answer follows at once and replaces them. Only ever painted for the person and tenant they
 * were shown to: the popup checks both against the current session and tenant choices.
 */
import { z } from 'zod/mini';
import { isFresh } from '@/lib/billing/freshness';
import type { BillingView } from '@/lib/protocol/replies';
import { readKeys } from '@/lib/storage/area';
import { hasExpired, sessionsItem } from '@/lib/storage/sessions';
import { settingsItem } from '@/lib/storage/settings';
import { defineStoredItem } from '@/lib/storage/stored-item';
import { personKey, tenantChoicesItem } from '@/lib/storage/tenant-choices';

/** Shallow: the background built the view; a read checks what the first paint relies on. */
const paintedFields = z.looseObject({ tenant: z.looseObject({ id: z.string() }), snapshot: z.looseObject({ fetchedAt: z.number() }) });
const viewSchema = z.custom<BillingView>((view) => paintedFields.safeParse(view).success);

/** One record: the popup shows the configured dashboard only. One that does not fit paints nothing. */
const shownViewItem = defineStoredItem('session:shownView', {
  schema: z.nullable(z.object({ origin: z.string(), person: z.nullable(z.string()), view: viewSchema })),
  fallback: null,
});

/** What was last stored, so answering the same cached figures again writes nothing. */
let lastStored = '';

/** The background answered `view` for the person's active tenant on `origin`. */
export async function rememberShownView(origin: string, person: string | null, view: BillingView): Promise<void> {
  const stamp = JSON.stringify([origin, person, view.tenant, view.snapshot.fetchedAt, view.refreshError]);
  if (stamp === lastStored) return;
  lastStored = stamp;
  await shownViewItem.setValue({ origin, person, view });
}

/** A sign-out, another person, or a refusal: nothing may be painted from before. */
export async function forgetShownView(): Promise<void> {
  lastStored = '';
  await shownViewItem.removeValue();
}

/**
 * For the popup's first paint: the figures last shown, if they are still the current person's,
 * for their active tenant on the configured dashboard; staleness as of now. One read of each
 * storage area, side by side, without waiting for the settings' migrations (the background runs
 * them); no message to the background.
 */
export async function readShownView(now = Date.now()): Promise<BillingView | null> {
  const keys = [settingsItem.key, tenantChoicesItem.key, sessionsItem.key, shownViewItem.key];
  const [storedSettings, storedChoices, storedSessions, storedRecord] = await readKeys(keys);
  const settings = settingsItem.validate(storedSettings);
  const record = shownViewItem.validate(storedRecord);
  if (!record || record.origin !== settings.dashboardOrigin) return null;
  const session = sessionsItem.validate(storedSessions)[record.origin];
  if (!session || session.person !== record.person || hasExpired(session, now)) return null;
  const mine = record.person ? tenantChoicesItem.validate(storedChoices)[personKey(record.origin, record.person)] : undefined;
  const tenant = record.view.tenant;
  // Switched to another tenant since, or no longer claims the one they had chosen.
  if (mine?.active && mine.active !== tenant.id) return null;
  if (tenant.source === 'chosen' && !mine?.chosen.includes(tenant.id)) return null;
  return { ...record.view, stale: !isFresh(record.view, settings.refreshMinutes * 60_000, now) };
}
