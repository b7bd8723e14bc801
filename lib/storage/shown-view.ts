/**
 * The figures last shown for the active tenant of the dashboard's person, kept by the
 * background in storage.session so the popup paints them before the background answers (a
 * worker asleep, or busy, is no longer on the way to the first paint). The background's own
 * answer follows at once and replaces them. Only ever painted for the person and tenant they
 * were shown to: the popup checks both against the current session and tenant choices.
 */
import { storage } from '#imports';
import { isFresh } from '@/lib/billing/freshness';
import type { BillingView } from '@/lib/protocol/replies';
import { sessionsItem, type StoredSession } from '@/lib/background/session/store';
import { DEFAULT_SETTINGS, personKey, settingsItem, tenantChoicesItem, type PersonTenants, type Settings } from '@/lib/storage/settings';

interface ShownView {
  origin: string;
  person: string | null;
  view: BillingView;
}

/** One record: the popup shows the configured dashboard only. */
const shownViewItem = storage.defineItem<ShownView | null>('session:shownView', { fallback: null });

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
 * storage area, side by side; no message to the background.
 */
export async function readShownView(now = Date.now()): Promise<BillingView | null> {
  const items = await storage.getItems([settingsItem, tenantChoicesItem, sessionsItem, shownViewItem]);
  const [stored, choices, sessions, record] = items.map((item) => item.value) as [
    Partial<Settings>, Record<string, PersonTenants>, Record<string, StoredSession>, ShownView | null,
  ];
  // Read without the item's migrations (the background runs them): missing fields are defaults.
  const settings = { ...DEFAULT_SETTINGS, ...stored };
  if (!record || record.origin !== settings.dashboardOrigin) return null;
  const session = sessions[record.origin];
  if (!session || session.person !== record.person || (session.expiresAt !== null && session.expiresAt <= now)) return null;
  const mine = record.person ? choices[personKey(record.origin, record.person)] : undefined;
  const tenant = record.view.tenant;
  // Switched to another tenant since, or no longer claims the one they had chosen.
  if (mine?.active && mine.active !== tenant.id) return null;
  if (tenant.source === 'chosen' && !mine?.chosen.includes(tenant.id)) return null;
  return { ...record.view, stale: !isFresh(record.view, settings.refreshMinutes * 60_000, now) };
}
