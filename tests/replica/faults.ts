// Fault injection table and request log, shared by the in-process API and /__replica/* endpoints.
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { buildHeaders } from './headers.ts';

export interface Fault {
  /** wait this long before answering (or before normal routing when no status is given) */
  delayMs?: number;
  /** answer with this status instead of routing normally */
  status?: number;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** destroy the socket without answering */
  drop?: boolean;
  /** send the body (fault body or the normal response) a few bytes at a time over this long */
  trickleMs?: number;
  /** send the fault body chunked, with no content-length: its size shows only as it arrives */
  chunked?: boolean;
  /** apply N times, then expire (default: until cleared) */
  times?: number;
}

export class FaultTable {
  private readonly table = new Map<string, Fault>();

  set(prefix: string, fault: Fault): void {
    this.table.set(prefix, { ...fault });
  }
  delete(prefix: string): void {
    this.table.delete(prefix);
  }
  clear(): void {
    this.table.clear();
  }
  list(): Record<string, Fault> {
    return Object.fromEntries(this.table);
  }
  /** Longest matching prefix; consumes one use when `times` is set. */
  take(path: string): Fault | undefined {
    let best: string | undefined;
    for (const k of this.table.keys()) if (path.startsWith(k) && (best === undefined || k.length > best.length)) best = k;
    if (best === undefined) return undefined;
    const f = this.table.get(best)!;
    if (typeof f.times === 'number') {
      if (f.times <= 1) this.table.delete(best);
      else f.times -= 1;
    }
    return f;
  }
}

export interface RequestEntry {
  method: string;
  /** pathname, without the query */
  path: string;
  /** pathname + query */
  url: string;
  time: string;
  authorization: boolean;
  /**
   * Which token came with it, as tokenDigest() of the bearer token (null without one): enough
   * for a test to prove whose token reached which replica, while the log never holds a token.
   */
  tokenDigest: string | null;
  /** The browser's Sec-Fetch-Site: `same-origin` for the page's own requests, `none` for an extension's. */
  fetchSite: string | null;
}

/** A short, stable name for a token: the first 12 hex digits of its SHA-256. */
export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex').slice(0, 12);

/** The digest of an Authorization header's bearer token (of the whole value when it is not one). */
export function authorizationDigest(header: string | undefined): string | null {
  if (!header) return null;
  return tokenDigest(/^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? header);
}

export class RequestLog {
  readonly entries: RequestEntry[] = [];
  add(e: RequestEntry): void {
    this.entries.push(e);
    if (this.entries.length > 5000) this.entries.splice(0, this.entries.length - 5000);
  }
  list(): RequestEntry[] {
    return [...this.entries];
  }
  count(pathPrefix = '', method?: string): number {
    return this.entries.filter((e) => e.path.startsWith(pathPrefix) && (!method || e.method === method)).length;
  }
  clear(): void {
    this.entries.length = 0;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Make the response's body arrive in small pieces spread over `ms`. */
export function trickle(res: ServerResponse, ms: number): void {
  const origEnd = res.end.bind(res);
  // Only bodies passed to end() are trickled (all replica responses use end(buf)).
  (res as unknown as { end: (chunk?: unknown) => ServerResponse }).end = (chunk?: unknown) => {
    const buf = chunk == null ? Buffer.alloc(0) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (!res.headersSent) res.setHeader('content-length', String(buf.length));
    const pieces = Math.max(1, Math.min(buf.length, 20));
    const size = Math.ceil(buf.length / pieces) || 1;
    const step = ms / pieces;
    let off = 0;
    const tick = () => {
      if (res.destroyed) return;
      if (off >= buf.length) {
        origEnd();
        return;
      }
      res.write(buf.subarray(off, off + size));
      off += size;
      setTimeout(tick, step);
    };
    tick();
    return res;
  };
}

/**
 * Apply a fault. Returns true when the fault answered (or dropped) the request,
 * false when normal routing should continue (delay-only / trickle-only faults).
 */
export async function applyFault(res: ServerResponse, fault: Fault): Promise<boolean> {
  if (fault.delayMs) await sleep(fault.delayMs);
  if (res.destroyed) return true;
  if (fault.drop) {
    res.socket?.destroy();
    return true;
  }
  if (fault.trickleMs) trickle(res, fault.trickleMs);
  if (typeof fault.status !== 'number') return false;
  const ct = fault.contentType ?? (fault.body !== undefined && /^\s*[[{]/.test(fault.body) ? 'application/json' : 'text/plain; charset=utf-8');
  const headers = buildHeaders(res, ct, { headers: fault.headers });
  const body = Buffer.from(fault.body ?? '', 'utf8');
  if (fault.chunked) {
    res.writeHead(fault.status, headers);
    await writeChunked(res, body);
    return true;
  }
  headers['content-length'] = String(body.length);
  res.writeHead(fault.status, headers);
  res.end(body);
  return true;
}

/** Writes `body` 64 KB at a time as the client reads it; stops when the client goes away. */
async function writeChunked(res: ServerResponse, body: Buffer): Promise<void> {
  const CHUNK = 64 * 1024;
  for (let offset = 0; offset < body.length; offset += CHUNK) {
    if (res.destroyed) return;
    if (!res.write(body.subarray(offset, offset + CHUNK))) {
      await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
  }
  if (!res.destroyed) res.end();
}
