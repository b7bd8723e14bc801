/**
 * One GET to the host with the session token, turned into JSON or one of the closed set of
 * errors. Every status and failure mode the host is known to produce is mapped here, so the
 * rest of the background never looks at a Response. Only the dashboard's own answer is read:
 * redirects are refused, bodies are read as a stream and cut off past MAX_BODY_BYTES, and a
 * Retry-After holds the session's billing requests to the origin (./hold.ts). Billing requests
 * (every endpoint not `unheld`) also wait for one of the origin's few slots (./in-flight.ts).
 */
import { fail, type BillingError, type Result } from '@/lib/billing/model';
import type { Endpoint } from '@/lib/host/http/endpoints';
import { holdOf, holdOrigin, retryAtFrom } from '@/lib/host/http/hold';
import { slotFor } from '@/lib/host/http/in-flight';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Far beyond any billing answer (50 invoices are a few KB); past it the request is aborted. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface HostFetchOptions {
  token: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The tenant family's unwired dependency answers 401 with this: the family is missing, not the session. */
const TENANT_NOT_RESOLVED = /tenant nao identificado/i;

function errorForStatus(status: number, text: string, retryAt: number | null): BillingError {
  if (status === 401) return TENANT_NOT_RESOLVED.test(text) ? { kind: 'notAvailable' } : { kind: 'signedOut' };
  if (status === 403) return { kind: 'noAccess' };
  if (status === 404 || status === 405) return { kind: 'notAvailable' };
  return retryAt === null ? { kind: 'server', status } : { kind: 'server', status, retryAt };
}

/** The body as text, or null once it passes `limit` bytes (then the request is aborted). */
async function readCapped(response: Response, limit: number, abort: () => void): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    abort();
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      abort();
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** A redirect, or an answer from anywhere but the origin asked: not the dashboard's word. */
function redirected(response: Response, origin: string): boolean {
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) return true;
  return response.url !== '' && new URL(response.url).origin !== origin;
}

/**
 * The identity checks (`unheld`) skip the line too: a few per sign-in, never per tenant, and
 * behind fifty tenants' bills they would keep a new person waiting to be recognised.
 */
export async function hostFetch(endpoint: Endpoint, options: HostFetchOptions): Promise<Result<unknown>> {
  if (endpoint.unheld) return send(endpoint, options);
  // Held until the answer is read (and any Retry-After stored), so the next in line sees that hold.
  const release = await slotFor(new URL(endpoint.url).origin, options.signal);
  try {
    return await send(endpoint, options);
  } finally {
    release();
  }
}

async function send(endpoint: Endpoint, options: HostFetchOptions): Promise<Result<unknown>> {
  const origin = new URL(endpoint.url).origin;
  // A storage failure must not stop the request: the hold is a courtesy the host asked for.
  const hold = endpoint.unheld ? null : await holdOf(origin, options.token).catch(() => null);
  if (hold) return fail({ kind: 'server', status: hold.status, retryAt: hold.until });
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const cutOff = new AbortController();
  const signal = AbortSignal.any([timeout, cutOff.signal, ...(options.signal ? [options.signal] : [])]);
  try {
    const response = await fetch(endpoint.url, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${options.token}`, ...endpoint.headers },
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      signal,
    });
    if (redirected(response, origin)) return fail({ kind: 'redirected' });
    const text = await readCapped(response, MAX_BODY_BYTES, () => cutOff.abort());
    if (text === null) return fail({ kind: 'tooLarge', limitBytes: MAX_BODY_BYTES });
    if (!response.ok) {
      const busy = response.status === 429 || response.status === 503;
      const retryAt = busy ? retryAtFrom(response.headers.get('retry-after')) : null;
      if (retryAt !== null) await holdOrigin(origin, options.token, { until: retryAt, status: response.status }).catch(() => undefined);
      return fail(errorForStatus(response.status, text, retryAt));
    }
    const type = response.headers.get('content-type') ?? '';
    if (/html/i.test(type) || /^\s*</.test(text)) {
      return fail({ kind: 'badResponse', detail: 'HTML instead of JSON' });
    }
    if (text.trim() === '') return fail({ kind: 'badResponse', detail: 'empty body' });
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return fail({ kind: 'badResponse', detail: 'malformed JSON' });
    }
  } catch {
    if (cutOff.signal.aborted) return fail({ kind: 'tooLarge', limitBytes: MAX_BODY_BYTES });
    if (timeout.aborted) return fail({ kind: 'timeout' });
    if (options.signal?.aborted) throw options.signal.reason;
    // fetch rejects with a TypeError for refused connections, DNS failures and dropped sockets.
    return fail({ kind: 'offline' });
  }
}
