/** People's wording for the closed set of billing failures (lib/model.ts BillingError). */
import type { BillingError } from './model';
import { t } from './i18n';
import { clip } from './host/result';

/** Server-provided detail can be long; keep messages readable. */
const MAX_DETAIL = 120;

/** Whole seconds left until `at`, never below 1 while the wait runs. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** `now` counts down a wait the host asked for (pass a ticking clock to see it move). */
export function errorText(e: BillingError, now = Date.now()): string {
  switch (e.kind) {
    case 'signedOut':
      return t('errorSignedOut');
    case 'noAccess':
      return t('errorNoAccess');
    case 'notAvailable':
      return t('errorNotAvailable');
    case 'otherTenant':
      return t('errorOtherTenant');
    case 'tenantUnconfirmed':
      return t('errorTenantUnconfirmed');
    case 'server':
      return e.retryAt === undefined ? t('errorServer', e.status) : t('errorServerBusy', e.status, secondsUntil(e.retryAt, now));
    case 'badResponse':
      return t('errorBadResponse', clip(e.detail, MAX_DETAIL));
    case 'tooLarge':
      return t('errorTooLarge', Math.round(e.limitBytes / (1024 * 1024)));
    case 'redirected':
      return t('errorRedirected');
    case 'timeout':
      return t('errorTimeout');
    case 'offline':
      return t('errorOffline');
    case 'storage':
      return t('errorStorage');
    default: {
      const never: never = e;
      return String((never as { kind?: unknown }).kind ?? '');
    }
  }
}

/** Why the invoice list is missing: never worded as "no invoices". */
export function partUnavailableText(e: BillingError, now = Date.now()): string {
  return e.kind === 'notAvailable' ? t('invoicesNotAvailable') : t('invoicesUnavailable', errorText(e, now));
}

/** The rows of a list the host sent that could not be read, or '' when every row was read. */
export function unreadableText(count: number): string {
  if (count <= 0) return '';
  return count === 1 ? t('invoicesUnreadableOne') : t('invoicesUnreadableMany', count);
}

/** Whether the error carries a wait that is still running (the UI then ticks a clock). */
export function waitingUntil(e: BillingError | null | undefined, now = Date.now()): number | null {
  return e?.kind === 'server' && e.retryAt !== undefined && e.retryAt > now ? e.retryAt : null;
}
