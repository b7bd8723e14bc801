/**
 * One GET to the host with the session token, turned into JSON or one of the closed set of
 * errors. Every status and failure mode the host is known to produce is mapped here, so the
 * rest of the background never looks at a Response.
 */
import type { BillingError } from '../model';
import type { Endpoint } from './endpoints';

export const DEFAULT_TIMEOUT_MS = 10_000;

export type HostResult = { ok: true; json: unknown } | { ok: false; error: BillingError };

export interface HostFetchOptions {
  token: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The tenant family's unwired dependency answers 401 with this: the family is missing, not the session. */
const TENANT_NOT_RESOLVED = /tenant nao identificado/i;
/** Enough for 10 000 invoices; anything bigger is not a billing answer. */
const MAX_BODY_CHARS = 8_000_000;

function fail(error: BillingError): HostResult {
  return { ok: false, error };
}

/** Retry-After in seconds (delta form only; an HTTP date is rare from an API), capped at a day. */
function retryAfterSeconds(header: string | null): number | undefined {
  const seconds = header && /^\s*\d+\s*$/.test(header) ? Number(header) : Number.NaN;
  return Number.isFinite(seconds) ? Math.min(seconds, 86_400) : undefined;
}

function errorForStatus(status: number, text: string, headers: Headers): BillingError {
  if (status === 401) return TENANT_NOT_RESOLVED.test(text) ? { kind: 'notAvailable' } : { kind: 'signedOut' };
  if (status === 403) return { kind: 'noAccess' };
  if (status === 404 || status === 405) return { kind: 'notAvailable' };
  const retryAfter = status === 429 || status === 503 ? retryAfterSeconds(headers.get('retry-after')) : undefined;
  return retryAfter === undefined ? { kind: 'server', status } : { kind: 'server', status, retryAfter };
}

export async function hostFetch(endpoint: Endpoint, options: HostFetchOptions): Promise<HostResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await fetch(endpoint.url, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${options.token}`, ...endpoint.headers },
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
    const text = await response.text();
    if (!response.ok) return fail(errorForStatus(response.status, text, response.headers));
    if (text.length > MAX_BODY_CHARS) return fail({ kind: 'badResponse', detail: 'response too large' });
    const type = response.headers.get('content-type') ?? '';
    if (/html/i.test(type) || /^\s*</.test(text)) {
      return fail({ kind: 'badResponse', detail: 'HTML instead of JSON' });
    }
    if (text.trim() === '') return fail({ kind: 'badResponse', detail: 'empty body' });
    try {
      return { ok: true, json: JSON.parse(text) };
    } catch {
      return fail({ kind: 'badResponse', detail: 'malformed JSON' });
    }
  } catch {
    if (timeout.aborted) return fail({ kind: 'timeout' });
    if (options.signal?.aborted) throw options.signal.reason;
    // fetch rejects with a TypeError for refused connections, DNS failures and dropped sockets.
    return fail({ kind: 'offline' });
  }
}
