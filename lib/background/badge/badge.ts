/**
 * The toolbar badge: the active tenant's current cost, coloured by budget use, "!" when the
 * host failed, empty when nothing applies (not set up, signed out, no access); its title says
 * the month's cost, the quota most used and the budget used. It is refreshed
 * by an alarm at the person's refresh interval, not by pages, so open tabs add no requests.
 */
import { browser } from 'wxt/browser';
import { budgetLevel, budgetThatCounts } from '@/lib/billing/budget';
import { BADGE_COLORS, badgeText } from '@/lib/background/badge/text';
import { badgeTitle } from '@/lib/background/badge/title';
import { t, uiLocale } from '@/lib/i18n';
import type { Freshness } from '@/lib/protocol/replies';
import { settingsItem } from '@/lib/storage/settings';
import { serially } from '@/lib/storage/stored-item';
import { alertIfOverThreshold } from '@/lib/background/badge/budget-alert';
import { billing } from '@/lib/background/billing/service';

export const BADGE_ALARM = 'badge-refresh';
/** Errors that mean "nothing to show here", as opposed to "the host failed". */
const QUIET = new Set(['signedOut', 'noAccess', 'notAvailable', 'tenantUnconfirmed']);
/** Bumped by every refresh: a slow answer for the tenant (or person) before a switch paints nothing. */
let generation = 0;

async function setBadge(text: string, color: string, title: string): Promise<void> {
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setTitle({ title });
}

export async function refreshBadge(freshness: Freshness): Promise<void> {
  const mine = ++generation;
  const settings = await settingsItem.getValue();
  const origin = settings.dashboardOrigin;
  const reply = await billing(origin, { op: 'billing.get', freshness });
  if (mine !== generation) return;
  if (!reply.ok) {
    await setBadge(QUIET.has(reply.error.kind) ? '' : '!', BADGE_COLORS.error, t('entryLabel'));
    return;
  }
  const { snapshot, tenant } = reply.value;
  const cost = snapshot.usage.total;
  const budget = budgetThatCounts(settings.budgetCents, cost, snapshot.projections);
  const level = budgetLevel(cost.cents, budget?.cents ?? null, settings.alertPercent);
  const locale = uiLocale();
  const title = badgeTitle({ tenantName: tenant.name, usage: snapshot.usage, simulated: snapshot.simulated }, budget, locale);
  // The alert is settled before the paint, so a badge that shows a budget has had its alert
  // decided; one that failed to show is tried again at the next refresh and never holds the paint.
  if (budget) {
    await alertIfOverThreshold({
      origin, tenantId: tenant.id, tenantName: tenant.name, period: snapshot.usage.period,
      cost, budget, alertPercent: settings.alertPercent,
    }).catch(() => false);
  }
  await setBadge(badgeText(cost.cents, locale), BADGE_COLORS[level], title);
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
