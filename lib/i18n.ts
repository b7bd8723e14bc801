/**
 * Translated UI text over the extension's i18n catalog (public/_locales/{pt_BR,en}). pt_BR is
 * the default locale; the browser picks English for English-speaking people.
 */
import { browser } from 'wxt/browser';
import { renderMessage, type Catalog } from './i18n-catalog';

/** A language chosen in the options page over the browser's, with its catalog. */
let chosen: { locale: string; catalog: Catalog } | null = null;

/** Use `catalog` for `locale` from now on; null goes back to the browser's language. */
export function useLanguage(choice: { locale: string; catalog: Catalog } | null): void {
  chosen = choice;
}

/** Every key of public/_locales/pt_BR/messages.json (a unit test keeps the two in sync). */
export const MESSAGE_KEYS = [
  'extName',
  'extDescription',
  'entrySectionTitle',
  'entryLabel',
  'entryCurrentCost',
  'entryUnavailable',
  'entryStale',
  'modalTitle',
  'modalSubtitle',
  'modalContent',
  'openFull',
  'close',
  'loading',
  'retry',
  'details',
  'cardTotalCost',
  'cardPeriod',
  'periodCurrentMonth',
  'metricApiCalls',
  'metricTokens',
  'metricStorage',
  'metricCompute',
  'costSplitTitle',
  'costShareLabel',
  'invoicesTitle',
  'invoiceColNumber',
  'invoiceColPeriod',
  'invoiceColAmount',
  'invoiceColStatus',
  'invoiceStatusPaid',
  'invoiceStatusPending',
  'invoiceStatusOverdue',
  'invoiceStatusDraft',
  'invoiceStatusVoid',
  'invoicesEmpty',
  'invoicesNotAvailable',
  'invoicesUnavailable',
  'updatedAt',
  'staleMark',
  'staleFetched',
  'staleFetchedFailed',
  'refreshFailed',
  'refresh',
  'refreshing',
  'errorSignedOut',
  'errorNeverSignedIn',
  'errorNoAccess',
  'errorNotAvailable',
  'errorServer',
  'errorServerBusy',
  'errorBadResponse',
  'errorTimeout',
  'errorOffline',
  'errorOtherTenant',
  'errorTooLarge',
  'errorRedirected',
  'errorStorage',
  // What the figures are (family-policy.ts): the panel's are simulated.
  'simulatedNote',
  'simulatedShort',
  'invoicesSimulated',
  'invoicesUnreadableOne',
  'invoicesUnreadableMany',
  'nextSignIn',
  'nextFirstSignIn',
  'nextNoAccess',
  'nextNotAvailable',
  'nextRetry',
  'nextBadResponse',
  'nextOffline',
  'openDashboard',
  // Toolbar popup (components/PopupPanel.svelte).
  'popupOpenOptions',
  'popupSwitchTenant',
  'popupBudget',
  'popupNoBudget',
  'popupGoToDashboard',
  'popupNoPermission',
  'popupGrantPermission',
  // Options page (components/OptionsForm.svelte).
  'optionsTitle',
  'optionsOriginLabel',
  'optionsOriginHint',
  'optionsSave',
  'optionsSaved',
  'optionsOriginSaved',
  'optionsOriginInvalid',
  'optionsOriginDenied',
  'optionsTenantsTitle',
  'optionsTenantHint',
  'optionsTenantSearch',
  'optionsTenantsLoading',
  'optionsTenantSelected',
  'optionsTenantAdd',
  'optionsTenantAddLabel',
  'optionsTenantAdded',
  'optionsTenantRemove',
  'optionsTenantRemoved',
  'optionsTenantInvalid',
  'optionsRefreshLabel',
  'optionsRefreshHint',
  'optionsRefreshSaved',
  'optionsBudgetLabel',
  'optionsBudgetHint',
  'optionsBudgetSaved',
  'optionsBudgetCleared',
  'optionsAlertLabel',
  'optionsAlertHint',
  'optionsAlertSaved',
  'optionsLanguageLabel',
  'optionsLanguageHint',
  'optionsLanguageAuto',
  'optionsLanguagePt',
  'optionsLanguageEn',
  'optionsCheckTitle',
  'optionsCheckHint',
  'optionsCheck',
  'optionsChecking',
  'checkOrigin',
  'checkPermission',
  'checkGranted',
  'checkNotGranted',
  'checkSignedInAs',
  'checkNobody',
  'checkRole',
  'checkTenant',
  'checkSource',
  'checkSourcePanel',
  'checkSourceTenantV1',
  'checkSourceAdminV1',
  'checkNone',
  'budgetAlertTitle',
  'budgetAlertBody',
  'pageTitleFull',
  'fullSummaryTitle',
  'fullTimelineTitle',
  'fullTimelineUnavailable',
  'fullTimelineChartLabel',
  'fullTimelineColDate',
  'fullTimelineColCost',
  'fullProjectionsTitle',
  'fullProjectionsUnavailable',
  'fullProjectionSpent',
  'fullProjectionTotal',
  'fullProjectionDaysRemaining',
  'fullProjectionNextMonth',
  'fullBudgetTitle',
  'fullBudgetUsed',
  'fullBudgetSourceHost',
  'fullBudgetSourcePersonal',
  'fullInvoicesTitle',
  'fullInvoicesPage',
  'fullInvoicesPrev',
  'fullInvoicesNext',
  'fullExportCsv',
  'fullPrint',
  // Tenant evidence: the chooser (components/TenantChoice.svelte) and the options page's list.
  'errorTenantUnconfirmed',
  'tenantChoiceTitle',
  'tenantChoiceExplain',
  'tenantChoiceLabel',
  'tenantChoicePageHint',
  'tenantChoiceConfirm',
  'tenantChoiceInvalid',
  'tenantChoiceFailed',
  'tenantSourceHost',
  'tenantSourceToken',
  'tenantSourceChosen',
  'optionsTenantsPerson',
  'optionsTenantsNone',
  // The options page when the dashboard is out of reach (Firefox may withhold host access).
  'optionsAccessMissing',
  'optionsAccessGrant',
  // Quota meters (components/QuotaMeters.svelte), the popup and the badge.
  'quotasTitle',
  'quotaApiUsed',
  'quotaLlmUsed',
  'quotaStorageUsed',
  'quotaComputeUsed',
  'quotaOverMark',
  'quotaOverMultiple',
  'quotaCost',
  'quotaNotInformed',
  'quotaShortApi',
  'quotaShortLlm',
  'quotaShortStorage',
  'quotaShortCompute',
  'quotaMostUsed',
  // The change since last month (lib/month-change.ts).
  'vsLastMonthChange',
  'vsLastMonthSame',
  'vsLastMonthNoUsage',
  // Months, trend and usage details on the full page.
  'fullMonthPrev',
  'fullMonthNext',
  'fullMonthGroupLabel',
  'fullMonthsUnavailable',
  'fullMonthFailed',
  'fullCurrentMonthOnly',
  'fullTrendTitle',
  'fullTrendChartLabel',
  'fullTrendColMonth',
  'fullTrendNoData',
  'fullDetailsTitle',
  'fullTokensIn',
  'fullTokensOut',
  'fullEndpointsTitle',
  'fullEndpointsOthers',
  'fullEndpointsUnavailable',
  'fullEndpointsColEndpoint',
  'fullEndpointsColCalls',
  // Month-end estimate and the host's projection (lib/month-end-estimate.ts).
  'estimateTitle',
  'estimateExplain',
  'projectionHostSource',
  'projectionContradiction',
  // Badge tooltip and popup (lib/background/badge.ts, components/PopupPanel.svelte).
  'badgeTitleCost',
  'badgeTitleBudget',
  'popupQuotaMostUsed',
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];

/** The generated overloads of getMessage only know the keys present at `wxt prepare` time. */
type GetMessage = (name: string, substitutions?: string | string[]) => string;

/**
 * The message for `key` with `$1`..`$9` substitutions. Returns the key itself when the catalog
 * has no such message (never an empty label).
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  if (chosen) return renderMessage(chosen.catalog[key], substitutions.map(String)) || key;
  let text = '';
  try {
    const getMessage = browser.i18n.getMessage as unknown as GetMessage;
    text = substitutions.length
      ? getMessage(key, substitutions.map((s) => String(s)))
      : getMessage(key);
  } catch {
    text = '';
  }
  return text || key;
}

/** Locales the catalog holds; other UI languages fall back to the default (pt-BR). */
const CATALOG_LANGUAGES = ['pt', 'en'];
const DEFAULT_LOCALE = 'pt-BR';

/**
 * The BCP 47 tag to format numbers and dates with ("pt-BR", "en-US", "en"...). It follows the
 * browser's UI language when the catalog has that language, otherwise the default locale, so
 * numbers and dates always agree with the language of the surrounding text.
 */
export function uiLocale(): string {
  if (chosen) return chosen.locale;
  let lang = '';
  try {
    lang = browser.i18n.getUILanguage();
  } catch {
    lang = '';
  }
  const tag = (lang || '').replace(/_/g, '-');
  const primary = tag.split('-')[0]?.toLowerCase() ?? '';
  if (!CATALOG_LANGUAGES.includes(primary)) return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}
