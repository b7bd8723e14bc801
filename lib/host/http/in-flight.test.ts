/**
 * The line to the host (in-flight.ts, through hostFetch): an overview asking for many tenants at
 * once never has more than three billing requests out to one origin, they go in the order asked,
 * one aborted while waiting never goes, and a Retry-After that arrives meanwhile keeps the rest in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostFetch } from '@/lib/host/http/fetch';
import { identityEndpoints } from '@/lib/host/http/endpoints';
import { MAX_IN_FLIGHT } from '@/lib/host/http/in-flight';
import { ORIGIN, deferred, json, sample, until, type FakeHost, type Reply } from '@/tests/support/fake-host';
import { freshHost } from '@/tests/support/host-fetch';

let host: FakeHost;
let token: string;
/** Requests the host holds, in the order they reached it, each answered when the test says. */
let held: { reply: Reply; answered: { promise: Promise<void>; resolve: () => void } }[];
/** Asked and not yet answered, now and at most. */
let out: number;
let mostOut: number;
/** Set by finish(): the host answers at once from then on. */
let answering: boolean;

const OK = json(200, { ok: true });
const tenantUrl = (i: number) => `${ORIGIN}/api/v1/admin/billing/usage/T-${i}`;
const askTenants = (n: number, signals: (AbortSignal | undefined)[] = []) =>
  Array.from({ length: n }, (_, i) => hostFetch({ url: tenantUrl(i) }, { token, signal: signals[i] }));

beforeEach(() => {
  ({ host, token } = freshHost());
  held = [];
  out = 0;
  mostOut = 0;
  answering = false;
  host.route('/api/', () => {
    if (answering) return OK;
    out++;
    mostOut = Math.max(mostOut, out);
    const entry = { reply: OK, answered: deferred() };
    held.push(entry);
    return { gate: entry.answered.promise.then(() => out--), then: () => entry.reply };
  });
});

// A test that failed half-way leaves nothing waiting in line for the next.
afterEach(() => {
  answering = true;
  while (held.length) answerNext();
});

/** The host answers everything from now on; resolves once `results` have all settled. */
async function finish(results: Promise<unknown>[]): Promise<void> {
  answering = true;
  while (held.length) answerNext();
  await Promise.allSettled(results);
}

/** The host answers the oldest request it holds. */
function answerNext(reply: Reply = OK): void {
  const next = held.shift();
  if (!next) throw new Error('nothing held');
  next.reply = reply;
  next.answered.resolve();
}

describe('at most three billing requests out to one origin', () => {
  it('ten tenants asked at once: three go out, each answer lets the next one in, in the order asked', async () => {
    const results = askTenants(10);
    await until(() => expect(host.requests).toHaveLength(MAX_IN_FLIGHT));
    for (let answered = 1; answered <= 10; answered++) {
      answerNext();
      await until(() => expect(host.requests).toHaveLength(Math.min(10, MAX_IN_FLIGHT + answered)));
    }
    expect((await Promise.all(results)).every((r) => r.ok)).toBe(true);
    expect(mostOut).toBe(MAX_IN_FLIGHT);
    expect(host.requests.map((r) => r.path)).toEqual(Array.from({ length: 10 }, (_, i) => `/api/v1/admin/billing/usage/T-${i}`));
  });

  it('another origin has its own three', async () => {
    const here = askTenants(3);
    const there = hostFetch({ url: 'http://127.0.0.1:9001/api/v1/admin/billing/usage/T-0' }, { token });
    await until(() => expect(host.requests).toHaveLength(4));
    await finish([...here, there]);
  });

  it('who is signed in is asked at once, even with the line full', async () => {
    const bills = askTenants(4);
    await until(() => expect(host.requests).toHaveLength(3));
    host.route('/api/user/permissions', sample('user-permissions.admin-v1-token'));
    expect((await hostFetch(identityEndpoints.permissions(ORIGIN), { token })).ok).toBe(true);
    expect(host.requests).toHaveLength(4);
    await finish(bills);
  });
});

describe('waiting in line', () => {
  it('a request aborted while it waits leaves the line and never reaches the host', async () => {
    const signOut = new AbortController();
    const results = askTenants(5, [undefined, undefined, undefined, signOut.signal]);
    await until(() => expect(host.requests).toHaveLength(3));
    signOut.abort();
    await expect(results[3]).rejects.toMatchObject({ name: 'AbortError' });
    answerNext();
    await until(() => expect(host.requests).toHaveLength(4));
    await finish(results);
    expect(host.requests.map((r) => r.path.split('/').pop())).toEqual(['T-0', 'T-1', 'T-2', 'T-4']);
  });

  it('a request aborted on its way frees its slot for the next', async () => {
    const signOut = new AbortController();
    const results = askTenants(4, [signOut.signal]);
    await until(() => expect(host.requests).toHaveLength(3));
    signOut.abort();
    await expect(results[0]).rejects.toMatchObject({ name: 'AbortError' });
    await until(() => expect(host.requests).toHaveLength(4));
    await finish(results);
  });

  it('a 429 with Retry-After keeps the ones still waiting from going out, each told until when', async () => {
    const results = askTenants(10);
    await until(() => expect(host.requests).toHaveLength(3));
    answerNext({ status: 429, body: { detail: 'Too Many Requests' }, headers: { 'retry-after': '30' } });
    const first = await results[0]!;
    const retryAt = !first.ok && first.error.kind === 'server' ? first.error.retryAt : undefined;
    expect(retryAt).toBeGreaterThan(Date.now());
    // The seven in line answer the hold without going out; the two already out finish.
    const inLine = await Promise.all(results.slice(3));
    expect(inLine).toEqual(Array(7).fill({ ok: false, error: { kind: 'server', status: 429, retryAt } }));
    await finish(results);
    expect(host.requests).toHaveLength(3);
  });
});
