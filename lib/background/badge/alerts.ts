/**
 * Announces a tenant's alerts when its current month's figures arrive in the background: the
 * rules decide (lib/billing/alerts.ts), what was announced and what is silenced is stored
 * (lib/storage/budget-alerts-shown.ts). Several alerts crossed at once make one notification,
 * naming the worst and counting the rest. Every check runs after the one before it has
 * remembered what it announced (one queue across our contexts), so none is announced twice.
 */
import { browser } from 'wxt/browser';
import { alertOf, alertFigures, evaluateAlerts, periodKey, type AlertsView, type AlertWarning } from '@/lib/billing/alerts';
import { tenantBudget } from '@/lib/billing/budget';
import { partsKey, type Place } from '@/lib/dashboard/place';
import { alertDetail, alertLine } from '@/lib/i18n/alert-text';
import { t, uiLocale } from '@/lib/i18n';
import type { BillingView } from '@/lib/protocol/replies';
import { settingsItem } from '@/lib/storage/settings';
import { alertsShownItemFor, rememberAnnounced, silence as silencePeriod } from '@/lib/storage/budget-alerts-shown';
import { serially } from '@/lib/storage/stored-item';
import { hearCurrentMonth } from '@/lib/background/billing/service';
import { getSession } from '@/lib/background/session/store';

/**
 * Notification buttons: Chromium's. Firefox refuses `buttons` (a type error) yet lists
 * notifications.onButtonClicked, which never fires, so the build decides (docs/firefox.md).
 */
const BUTTONS = !import.meta.env.FIREFOX;

/**
 * The warnings of `view`'s tenant in force now, announcing those that crossed. `current()`:
 * whether the person the figures were fetched for is still the one there, asked after every
 * wait; an announcement that stopped applying while it was being shown is taken back, and
 * comes again when it applies. `() => false` only reads. `silence`: the tenant's period is
 * silenced (true) or heard again (false) first.
 */
export function checkAlerts(place: Place, view: BillingView, current: () => boolean | Promise<boolean>, silence?: boolean): Promise<AlertsView> {
  return serially('alerts', async () => {
    const { tenant, snapshot } = view;
    const settings = await settingsItem.getValue();
    const now = Date.now();
    const { period, ...figures } = alertFigures(snapshot, tenantBudget(settings, place.origin, tenant.id), new Date(now));
    const key = periodKey({ origin: place.origin, tenantId: tenant.id, period });
    const shown = await (silence === undefined ? alertsShownItemFor(place).getValue() : silencePeriod(place, key, silence));
    const silenced = shown.silenced.includes(key);
    const { active, crossings } = evaluateAlerts({ origin: place.origin, tenantId: tenant.id, period, figures, kinds: settings.alertKinds, announced: shown.announced, silenced });
    const result = { tenantId: tenant.id, period, silenced, active };
    if (!crossings.length || !(await current())) return result;
    const id = partsKey('alert', place.origin, place.store, tenant.id, period, String(now));
    await notify(id, tenant.name, crossings);
    if (!(await current())) {
      await browser.notifications.clear(id);
      return result;
    }
    // Remembered once shown: one that failed to show is tried again with the next figures.
    await rememberAnnounced(place, Object.fromEntries(crossings.map((w) => [`${key} ${alertOf(w)}`, { level: w.level, at: now }])));
    for (const w of crossings) w.at = now;
    return result;
  });
}

function notify(id: string, tenantName: string, [worst, ...rest]: AlertWarning[]): Promise<string> {
  const locale = uiLocale();
  const more = rest.length > 1 ? t('alertMore', rest.length) : rest.length ? t('alertMoreOne') : '';
  return browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `${tenantName} — ${alertLine(worst!, locale)}`,
    message: `${alertDetail(worst!, locale)} ${more}`.trim(),
    ...(BUTTONS && { buttons: [{ title: t('alertDetails') }, { title: t('alertSilence') }] }),
  });
}

/**
 * Checks every tenant's current month as it arrives, from any surface or the badge's alarm (one
 * home for all of them: the billing service), while the person who fetched it is still signed
 * in there. The answer is not held for it.
 */
export function checkAlertsOnEveryAnswer(): void {
  hearCurrentMonth((place, token, view) => {
    void checkAlerts(place, view, async () => (await getSession(place))?.token === token).catch(() => undefined);
  });
}
