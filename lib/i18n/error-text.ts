/**
 * People's wording for the closed set of billing failures (lib/billing/model.ts BillingError): what
 * happened, what to do next, which button does it, and the technical detail (for a
 * "Detalhes" disclosure, never in the sentence itself). Every surface words a failure the same.
 */
import type { BillingError } from '@/lib/billing/model';
import { t, uiLocale } from '@/lib/i18n';
import { dateFormat } from '@/lib/i18n/format';

/** Whole seconds left until `at`, never below 1 while the wait runs. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** Waits up to this long count down in seconds; a longer one (up to an hour) says when it ends. */
const COUNTDOWN_MS = 60_000;

function serverText(e: Extract<BillingError, { kind: 'server' }>, now: number): string {
  if (e.retryAt === undefined) return t('errorServer', e.status);
  if (e.retryAt - now <= COUNTDOWN_MS) return t('errorServerBusy', e.status, secondsUntil(e.retryAt, now));
  // To the minute ("14:32", "2:32 PM"), rounded up: never before the time the host named.
  const until = dateFormat(uiLocale(), { timeStyle: 'short' }).format(Math.ceil(e.retryAt / 60_000) * 60_000);
  return t('errorServerHeld', e.status, until);
}

/** `now` counts down a wait the host asked for (pass a ticking clock to see it move). */
export function errorText(e: BillingError, now = Date.now()): string {
  switch (e.kind) {
    case 'signedOut':
      return e.neverSignedIn ? t('errorNeverSignedIn') : t('errorSignedOut');
    case 'noAccess':
      return t('errorNoAccess');
    case 'notAvailable':
      return t('errorNotAvailable');
    case 'otherTenant':
      return t('errorOtherTenant');
    case 'tenantUnconfirmed':
      return t('errorTenantUnconfirmed');
    case 'server':
      return serverText(e, now);
    case 'badResponse':
      return t('errorBadResponse');
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

/** What the person can do about it, as a sentence. */
export function errorNextStep(e: BillingError): string {
  switch (e.kind) {
    case 'signedOut':
      return e.neverSignedIn ? t('nextFirstSignIn') : t('nextSignIn');
    case 'noAccess':
      return t('nextNoAccess');
    case 'notAvailable':
      return t('nextNotAvailable');
    case 'badResponse':
      return t('nextBadResponse');
    case 'offline':
    case 'redirected':
      return t('nextOffline');
    default:
      return t('nextRetry');
  }
}

/** The button that carries the next step out: sign in on the dashboard, or try again. */
export function errorAction(e: BillingError): 'signIn' | 'retry' {
  return e.kind === 'signedOut' ? 'signIn' : 'retry';
}

/** A state of the person or the host (read calmly), rather than a failure (read as an alert). */
export function isFailure(e: BillingError): boolean {
  return !['signedOut', 'noAccess', 'notAvailable', 'tenantUnconfirmed'].includes(e.kind);
}

/** The technical detail behind the sentence (the parser's English reason), if any. */
export function errorDetail(e: BillingError): string | null {
  return e.kind === 'badResponse' && e.detail ? e.detail : null;
}

/** One name per state, for data-state attributes (tests, styling). */
export function errorStateName(e: BillingError): string {
  return e.kind === 'signedOut' && e.neverSignedIn ? 'neverSignedIn' : e.kind;
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
