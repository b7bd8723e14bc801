/** People's wording for the closed set of billing failures (lib/model.ts BillingError). */
import type { BillingError } from './model';
import { t } from './i18n';
import { clip } from './host/result';

/** Server-provided detail can be long; keep messages readable. */
const MAX_DETAIL = 120;

export function errorText(e: BillingError): string {
  switch (e.kind) {
    case 'signedOut':
      return t('errorSignedOut');
    case 'noAccess':
      return t('errorNoAccess');
    case 'notAvailable':
      return t('errorNotAvailable');
    case 'tenantUnconfirmed':
      return t('errorTenantUnconfirmed');
    case 'server':
      return e.retryAfter === undefined ? t('errorServer', e.status) : t('errorServerBusy', e.status, e.retryAfter);
    case 'badResponse':
      return t('errorBadResponse', clip(e.detail, MAX_DETAIL));
    case 'timeout':
      return t('errorTimeout');
    case 'offline':
      return t('errorOffline');
    default: {
      const never: never = e;
      return String((never as { kind?: unknown }).kind ?? '');
    }
  }
}

/** Why the invoice list is missing: never worded as "no invoices". */
export function partUnavailableText(e: BillingError): string {
  return e.kind === 'notAvailable' ? t('invoicesNotAvailable') : t('invoicesUnavailable', errorText(e));
}
