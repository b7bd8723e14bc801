/**
 * The toolbar badge: the active tenant's current cost, coloured by its worst alert in force
 * (lib/billing/alerts.ts), "!" when the host failed, empty when nothing applies (not set up, signed out, no access); its title says
 * the month's cost, the quota most used and the budget used, and which dashboard when there are several. It is refreshed
 * by an alarm at the person's refresh interval, not by pages, so open tabs add no requests.
 */
import { browser } from 'wxt/browser';
import { budgetThatCounts, tenantBudget } from '@/lib/billing/budget';
import { alertLevel } from '@/lib/billing/alerts';
import { WITHDRAWS_FIGURES } from '@/lib/billing/model';
import { BADGE_COLORS, badgeText } from '@/lib/background/badge/text';
import { badgeTitle, titleHead } from '@/lib/background/badge/title';
import { t, uiLocale } from '@/lib/i18n';
import type { Freshness } from '@/lib/protocol/replies';
import { dashboardsOf, settingsItem } from '@/lib/storage/settings';
import { serially } from '@/lib/storage/stored-item';
import { checkAlerts } from '@/lib/background/badge/alerts';
import { billing } from '@/lib/background/billing/service';
import { activeStore } from '@/lib/dashboard/active-store';
import type { Place } from '@/lib/dashboard/place';

export const BADGE_ALARM = 'badge-refresh';
/**
 * Bumped by every refresh; every sign-in or sign-out, tenant switch, settings change and store
 * brought to the front starts one. A refresh that is no longer the newest stops at its next
 * step, so nothing is painted or notified for a person, tenant, origin or store gone meanwhile.
 */
let generation = 0;
/** The place the last refresh was for. */
let painted: Place | null = null;

/** Paints the badge, one call at a time, each only while `current()` still holds. */
async function setBadge(text: string, color: string, title: string, current: () => boolean): Promise<void> {
  if (!current()) return;
  await browser.action.setBadgeText({ text });
  if (!current()) return;
  await browser.action.setBadgeBackgroundColor({ color });
  if (!current()) return;
  await browser.action.setTitle({ title });
}

export async function refreshBadge(freshness: Freshness): Promise<void> {
  const mine = ++generation;
  const current = () => mine === generation;
  const settings = await settingsItem.getValue();
  // The person of the dashboard tab in front, else of the normal windows (lib/dashboard/active-store.ts).
  const store = await activeStore(settings.dashboardOrigin);
  if (!current()) return;
  const place = { origin: settings.dashboardOrigin, store };
  painted = place;
  // Named in the tooltip when there is a choice of dashboards: which one the badge speaks for.
  // (Its name, else its whole address: dashboardName()'s shorter one costs the worker bytes.)
  const dashboards = dashboardsOf(settings);
  const named = dashboards[1] ? dashboards.find((d) => d.origin === place.origin)?.name || place.origin : null;
  const reply = await billing(place, { op: 'billing.get', freshness });
  if (!current()) return;
  if (!reply.ok) {
    // Nothing to show here (the figures are withdrawn, or there are none), as opposed to "the host failed".
    const quiet = reply.error.kind === 'notAvailable' || WITHDRAWS_FIGURES.has(reply.error.kind);
    await setBadge(quiet ? '' : '!', BADGE_COLORS.error, titleHead(t('entryLabel'), named), current);
    return;
  }
  const { snapshot, tenant } = reply.value;
  const cost = snapshot.usage.total;
  const budget = budgetThatCounts(tenantBudget(settings, place.origin, tenant.id).budgetCents, cost, snapshot.projections);
  // The alerts are settled before the paint, so a badge that shows a warning has had it
  // announced; one that failed to show is tried again at the next refresh and never holds the paint.
  const active = (await checkAlerts(place, reply.value, current).catch(() => null))?.active ?? [];
  const locale = uiLocale();
  // The snapshot has the title's usage and simulated mark (spread: fewer bytes in the worker).
  const title = badgeTitle({ ...snapshot, tenantName: tenant.name }, budget, locale, active, named);
  await setBadge(badgeText(cost.cents, locale), BADGE_COLORS[alertLevel(active)], title, current);
}

/**
 * Another tab in front, or another window: repainted from cache when that puts another store's
 * person in front (a container's, a private window's), and only then.
 */
export async function followActiveTab(): Promise<void> {
  const origin = (await settingsItem.getValue()).dashboardOrigin;
  const store = await activeStore(origin);
  if (painted?.origin !== origin || painted.store !== store) await refreshBadge('cached');
}

/**
 * Creates the refresh alarm, or re-creates it when the interval changed. Left alone otherwise:
 * re-creating it at every worker start would push its next run back each time. Calls run one
 * after another, so the newest interval wins: two settings changes in a row (budget, then
 * interval) must not interleave, or the older one's create could land after the newer one's.
 */
export function scheduleBadge(refreshMinutes: number): Promise<void> {
  return serially('badge-alarm', async () => {
    const existing = await browser.alarms.get(BADGE_ALARM);
    if (existing?.periodInMinutes === refreshMinutes) return;
    await browser.alarms.create(BADGE_ALARM, { periodInMinutes: refreshMinutes, delayInMinutes: refreshMinutes });
  }).catch(() => undefined);
}
