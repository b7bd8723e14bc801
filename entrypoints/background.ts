import { browser, type Browser } from 'wxt/browser';
import { parseRequest, splitEnvelope } from '@/lib/protocol/requests';
import { handleRequest } from '@/lib/background/router';
import { identifyCaller } from '@/lib/background/sender';
import { BADGE_ALARM, followActiveTab, refreshBadge, scheduleBadge } from '@/lib/background/badge/badge';
import { checkAlertsOnEveryAnswer } from '@/lib/background/badge/alerts';
import { answerAlertClicks } from '@/lib/background/badge/alert-clicks';
import { syncDashboardRegistration } from '@/lib/dashboard/registration';
import { forgetOriginsNoLongerWatched } from '@/lib/background/session/watched';
import { forgetPrivateWindowsWhenClosed } from '@/lib/background/session/private-store';
import { fetchCatalog } from '@/lib/background/catalog';
import { openFirstRunOnInstall } from '@/lib/background/first-run';
import { applyLanguage } from '@/lib/i18n/apply-language';
import { dashboardsOf, settingsItem } from '@/lib/storage/settings';
import { dropProfileWideTenants, privateTenantChoicesItem, tenantChoicesItem } from '@/lib/storage/tenant-choices';

// A service worker in Chromium, an event page in Firefox (docs/firefox.md): either may be put to
// sleep when idle and woken by the events below, so every listener is added here at start-up.
export default defineBackground(() => {
  // No onMessageExternal and no externally_connectable: other extensions and web pages have
  // no way in. Our own contexts are still checked (sender id, tab origin, request shape).
  const answer = async (message: unknown, sender: Browser.runtime.MessageSender) => {
    const { dashboard, request: body } = splitEnvelope(message);
    const caller = await identifyCaller(sender, await settingsItem.getValue(), dashboard);
    const request = caller ? parseRequest(body) : null;
    if (!caller || !request) return { ok: false, error: { kind: 'noAccess' } };
    const reply = await handleRequest(caller, request);
    // A new session (sign-in, sign-out) changes what the badge may say; cached data only.
    if (request.op === 'session.report') void refreshBadge('cached');
    return reply;
  };
  // Answered through sendResponse, which Chrome and Firefox both take without the polyfill
  // (wxt.config.ts); a handler that throws sends nothing, which the asker reads as offline.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    void answer(message, sender).then(sendResponse, () => sendResponse(undefined));
    return true;
  });

  // Installed (not updated): the first-run page, where the dashboard's address is set.
  browser.runtime.onInstalled.addListener((details) => void openFirstRunOnInstall(details));

  // The badge: refreshed by its alarm, and repainted from cache when the tenant or settings change.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) void refreshBadge('fresh');
  });
  // Alerts: checked whenever a tenant's current month arrives; a click opens or silences.
  checkAlertsOnEveryAnswer();
  answerAlertClicks();

  // Notifications and the badge's number format speak the person's chosen language too.
  // The alarm follows the interval each change carries, in the order the changes came.
  void settingsItem.getValue().then((settings) => {
    void scheduleBadge(settings.refreshMinutes);
    return applyLanguage(settings.language, fetchCatalog);
  });
  settingsItem.watch((settings, previous) => {
    void Promise.all([applyLanguage(settings.language, fetchCatalog), scheduleBadge(settings.refreshMinutes)])
      .then(() => refreshBadge('cached'));
    // A dashboard added or removed: the overlay registered where it now runs; a removed one's grant goes.
    const origins = new Set(dashboardsOf(settings).map((d) => d.origin));
    const left = dashboardsOf(previous).filter((d) => !origins.has(d.origin)).map((d) => d.origin);
    if (left.length > 0 || origins.size !== dashboardsOf(previous).length) void syncDashboardRegistration(left);
  });
  // An address left, or access withdrawn: that origin's session and figures go at once.
  forgetOriginsNoLongerWatched();
  // A private window's people and figures go with its last window.
  forgetPrivateWindowsWhenClosed();
  tenantChoicesItem.watch(() => void refreshBadge('cached'));
  privateTenantChoicesItem.watch(() => void refreshBadge('cached'));
  // The badge shows the person of the dashboard tab in front: a container's or a private window's too.
  const followTab = () => void followActiveTab().catch(() => undefined);
  browser.tabs.onActivated.addListener(followTab);
  browser.windows.onFocusChanged.addListener(followTab);
  void dropProfileWideTenants();

  // The overlay's registration follows what is granted: at every start (a browser that lost it,
  // a first install) and whenever access is granted or withdrawn without an address change (the
  // popup's or the options page's "Allow access", Firefox's Permissions tab: docs/firefox.md).
  const syncRegistration = () => void syncDashboardRegistration();
  syncRegistration();
  browser.permissions.onAdded.addListener(syncRegistration);
  browser.permissions.onRemoved.addListener(syncRegistration);
});
