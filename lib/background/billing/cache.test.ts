/**
 * getBilling / forgetOrigin: stale-while-revalidate per origin and tenant, shared in-flight
 * fetches, the backoff after failures, the families dropped per origin, the bound on entries.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MAX_ENTRIES_PER_ORIGIN, forgetOrigin, getBilling, type CacheEntry } from '@/lib/background/billing/cache';
import {
  AUTH_REQUIRED,
  FORBIDDEN,
  NOT_FOUND,
  ORIGIN,
  SERVER_ERROR,
  createFakeHost,
  deferred,
  until,
  mintJwt,
  adminUsageRoute,
  sample,
  todayRoutes,
  type FakeHost,
} from '@/tests/support/fake-host';

const TENANT = 'BELGO-001';
const TTL = 60_000;
const T0 = new Date('2026-11-25T12:00:00Z').getTime();
const ADMIN_USAGE = '/api/v1/admin/billing/usage/';

let host: FakeHost;
let token: string;
/** What the router does on a sign-out; here it only records that it was told. */
let onSignedOut: ReturnType<typeof vi.fn<(origin: string) => Promise<void>>>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  host = createFakeHost(todayRoutes());
  vi.stubGlobal('fetch', host.fetch);
  token = mintJwt();
  onSignedOut = vi.fn(async () => undefined);
});

afterEach(async () => {
  // Abort whatever a test left in flight, so nothing leaks into the next one.
  await forgetOrigin(ORIGIN);
  await forgetOrigin(OTHER_ORIGIN);
  vi.useRealTimers();
});

const OTHER_ORIGIN = 'http://localhost:9002';

async function sessionEntry(origin: string, tenantId: string): Promise<CacheEntry | undefined> {
  const all = await fakeBrowser.storage.session.get();
  return all[`billing:${origin}|${tenantId}`] as CacheEntry | undefined;
}

async function billingKeys(): Promise<string[]> {
  return Object.keys(await fakeBrowser.storage.session.get()).filter((k) => k.startsWith('billing:')).sort();
}

/** A first good answer in the cache, fetched at T0. */
async function primed(origin = ORIGIN, tenantId = TENANT) {
  const first = await getBilling(origin, tenantId, token, 'force', TTL, onSignedOut);
  if (!first.ok) throw new Error(`priming failed: ${JSON.stringify(first.error)}`);
  return first.value;
}

describe('shared fetches', () => {
  it('10 concurrent identical calls make one usage fetch', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut)));
    expect(host.count(ADMIN_USAGE)).toBe(1);
    expect(host.requests).toHaveLength(2); // tenant v1 (not wired: dropped), then admin v1
    for (const result of results) {
      expect(result.ok).toBe(true);
      expect(result.ok && result.value.snapshot.usage.total.cents).toBe(2702);
      expect(result.ok && result.value.stale).toBe(false);
    }
  });

  it('10 concurrent "force" calls also share one fetch', async () => {
    await Promise.all(Array.from({ length: 10 }, () => getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut)));
    expect(host.count(ADMIN_USAGE)).toBe(1);
  });
});

describe('freshness', () => {
  it('"cached" with a fresh entry answers without a request', async () => {
    await primed();
    host.clear();
    vi.setSystemTime(T0 + TTL - 1);
    const answer = await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    expect(host.requests).toHaveLength(0);
    expect(answer).toEqual({
      ok: true,
      value: expect.objectContaining({ stale: false, refreshError: null }),
    });
    expect(answer.ok && answer.value.snapshot.fetchedAt).toBe(T0);
  });

  it('"fresh" with a fresh entry answers without a request', async () => {
    await primed();
    host.clear();
    const answer = await getBilling(ORIGIN, TENANT, token, 'fresh', TTL, onSignedOut);
    expect(host.requests).toHaveLength(0);
    expect(answer.ok && answer.value.stale).toBe(false);
  });

  it('"cached" with a stale entry answers at once (stale) and starts exactly one refresh', async () => {
    await primed();
    host.clear();
    const gate = deferred();
    host.route(ADMIN_USAGE, { gate: gate.promise, then: adminUsageRoute });
    vi.setSystemTime(T0 + TTL);

    const answer = await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    expect(answer.ok && answer.value.stale).toBe(true);
    expect(answer.ok && answer.value.snapshot.fetchedAt).toBe(T0);
    expect(answer.ok && answer.value.refreshError).toBeNull();

    // More readers while the refresh runs: still one refresh.
    await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    await until(() => expect(host.count(ADMIN_USAGE)).toBe(1));
    // The family that answered last time is asked first: only its endpoint.
    expect(host.requests).toHaveLength(1);

    gate.resolve();
    await until(async () => expect((await sessionEntry(ORIGIN, TENANT))?.snapshot.fetchedAt).toBe(T0 + TTL));
    expect(host.count(ADMIN_USAGE)).toBe(1);

    const after = await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    expect(after.ok && after.value.stale).toBe(false);
    expect(host.count(ADMIN_USAGE)).toBe(1);
  });

  it('"fresh" with a stale entry waits for a new answer', async () => {
    await primed();
    host.clear();
    vi.setSystemTime(T0 + TTL);
    const answer = await getBilling(ORIGIN, TENANT, token, 'fresh', TTL, onSignedOut);
    expect(host.count(ADMIN_USAGE)).toBe(1);
    expect(answer.ok && answer.value.stale).toBe(false);
    expect(answer.ok && answer.value.snapshot.fetchedAt).toBe(T0 + TTL);
  });

  it('"force" fetches even when the entry is fresh', async () => {
    await primed();
    host.clear();
    vi.setSystemTime(T0 + 1000);
    const answer = await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    expect(host.count(ADMIN_USAGE)).toBe(1);
    expect(answer.ok && answer.value.snapshot.fetchedAt).toBe(T0 + 1000);
    expect(answer.ok && answer.value.stale).toBe(false);
  });
});

describe('failed refreshes', () => {
  it('a 500 after a good answer keeps the figures, stale, with the reason', async () => {
    const good = await primed();
    host.setRoutes({ '/api/': SERVER_ERROR });
    vi.setSystemTime(T0 + 1000);
    const answer = await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    expect(answer).toEqual({
      ok: true,
      value: { snapshot: good.snapshot, stale: true, refreshError: { kind: 'server', status: 500 }, retryAt: T0 + 1000 + 15_000 },
    });
    // The kept entry remembers the failure, so a later read is stale too and retries.
    const entry = await sessionEntry(ORIGIN, TENANT);
    expect(entry?.refreshError).toEqual({ kind: 'server', status: 500 });
    expect(entry?.snapshot.fetchedAt).toBe(T0);
    expect(entry?.snapshot.family).toBe('adminV1');
    host.clear();
    vi.setSystemTime(T0 + 1000 + 15_000);
    const again = await getBilling(ORIGIN, TENANT, token, 'fresh', TTL, onSignedOut);
    expect(host.count(ADMIN_USAGE)).toBe(1);
    expect(again.ok && again.value.stale).toBe(true);
    expect(again.ok && again.value.refreshError).toEqual({ kind: 'server', status: 500 });
    // The second failure in a row waits twice as long.
    expect(again.ok && again.value.retryAt).toBe(T0 + 1000 + 15_000 + 30_000);
  });

  it('a single 500 keeps the family: the panel is never asked, the next refresh gives the same figures', async () => {
    host = createFakeHost({ ...todayRoutes(), '/api/billing/': sample('panel-usage.admin') });
    vi.stubGlobal('fetch', host.fetch);
    const good = await primed();
    host.route(ADMIN_USAGE, { status: 500, body: 'Internal Server Error', contentType: 'text/plain' });
    const failed = await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    expect(failed.ok && failed.value.snapshot).toEqual(good.snapshot);
    host.route(ADMIN_USAGE, adminUsageRoute);
    const next = await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    expect(next.ok && next.value.snapshot.family).toBe('adminV1');
    expect(next.ok && next.value.snapshot.usage).toEqual(good.snapshot.usage);
    expect(next.ok && [next.value.stale, next.value.refreshError, next.value.retryAt]).toEqual([false, null, null]);
    expect(host.count('/api/billing/')).toBe(0);
  });

  it('during the backoff, reads answer the kept figures without a request; a person\'s refresh goes at once', async () => {
    await primed();
    host.setRoutes({ '/api/': SERVER_ERROR });
    await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    host.clear();
    vi.setSystemTime(T0 + 10_000);
    for (const freshness of ['cached', 'fresh'] as const) {
      const answer = await getBilling(ORIGIN, TENANT, token, freshness, TTL, onSignedOut);
      expect(answer.ok && answer.value.stale).toBe(true);
    }
    expect(host.requests).toHaveLength(0);
    await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    expect(host.requests).toHaveLength(1);
  });

  it('with nothing cached, a failure is remembered through the backoff too', async () => {
    host.setRoutes({ '/api/': SERVER_ERROR });
    const first = await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    expect(first).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
    const requests = host.requests.length;
    expect(await getBilling(ORIGIN, TENANT, token, 'fresh', TTL, onSignedOut)).toEqual(first);
    expect(host.requests).toHaveLength(requests);
    vi.setSystemTime(T0 + 15_000);
    await getBilling(ORIGIN, TENANT, token, 'fresh', TTL, onSignedOut);
    expect(host.requests.length).toBeGreaterThan(requests);
  });

  it("the host's Retry-After sets the next try, later than the backoff", async () => {
    await primed();
    host.setRoutes({ '/api/': { status: 429, body: {}, headers: { 'retry-after': '60' } } });
    const answer = await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    expect(answer.ok && answer.value.retryAt).toBe(T0 + 60_000);
    expect(answer.ok && answer.value.refreshError).toEqual({ kind: 'server', status: 429, retryAt: T0 + 60_000 });
    host.clear();
    // Even a person's refresh sends nothing before the time.
    vi.setSystemTime(T0 + 59_000);
    const forced = await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    expect(forced.ok && forced.value.stale).toBe(true);
    expect(host.requests).toHaveLength(0);
  });

  it('a storage that refuses reads is said as such, never as "signed out"', async () => {
    await primed();
    const refusing = vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValue(new Error('storage is gone'));
    expect(await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut)).toEqual({ ok: false, error: { kind: 'storage' } });
    expect(await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut)).toEqual({ ok: false, error: { kind: 'storage' } });
    refusing.mockRestore();
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('a storage that refuses writes still answers the figures the host gave', async () => {
    const refusing = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const answer = await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    refusing.mockRestore();
    expect(answer.ok && answer.value.snapshot.usage.total.cents).toBe(2702);
  });

  it('offline after a good answer keeps the figures too', async () => {
    await primed();
    host.setRoutes({ '/api/': { refuse: true } });
    const answer = await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    expect(answer.ok && answer.value.refreshError).toEqual({ kind: 'offline' });
    expect(answer.ok && answer.value.stale).toBe(true);
  });

  it('signedOut after a good answer is an error: the figures are not returned', async () => {
    await primed();
    host.setRoutes({ '/api/': AUTH_REQUIRED });
    expect(await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut)).toEqual({ ok: false, error: { kind: 'signedOut' } });
  });

  it('noAccess after a good answer is an error: the figures are not returned', async () => {
    await primed();
    host.setRoutes({ '/api/': FORBIDDEN });
    expect(await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut)).toEqual({ ok: false, error: { kind: 'noAccess' } });
  });

  it('after a refresh found the person signed out, a "cached" read does not show the figures', async () => {
    await primed();
    host.setRoutes({ '/api/': AUTH_REQUIRED });
    await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    const next = await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    expect(next).toEqual({ ok: false, error: { kind: 'signedOut' } });
    expect(await billingKeys()).toEqual([]);
  });

  it('after a refresh found no access, a "cached" read does not show the figures', async () => {
    await primed();
    host.setRoutes({ '/api/': FORBIDDEN });
    await getBilling(ORIGIN, TENANT, token, 'force', TTL, onSignedOut);
    const next = await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    expect(next).toEqual({ ok: false, error: { kind: 'noAccess' } });
  });

  it('a background refresh that finds the person signed out drops the figures', async () => {
    await primed();
    host.setRoutes({ '/api/': AUTH_REQUIRED });
    vi.setSystemTime(T0 + TTL);
    await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    await until(async () => expect(host.requests.at(-1)?.path.startsWith(ADMIN_USAGE)).toBe(true));
    await until(async () => expect(await sessionEntry(ORIGIN, TENANT)).toBeUndefined());
    expect(onSignedOut).toHaveBeenCalledWith(ORIGIN, token);
    const next = await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    expect(next.ok).toBe(false);
  });
});

describe('entries per origin and tenant', () => {
  it('stamps each snapshot with its origin and tenant; two tenants share nothing', async () => {
    const belgo = await getBilling(ORIGIN, 'BELGO-001', token, 'cached', TTL, onSignedOut);
    const tech = await getBilling(ORIGIN, 'TECH-001', token, 'cached', TTL, onSignedOut);
    expect(belgo.ok && [belgo.value.snapshot.origin, belgo.value.snapshot.tenantId]).toEqual([ORIGIN, 'BELGO-001']);
    expect(tech.ok && [tech.value.snapshot.origin, tech.value.snapshot.tenantId]).toEqual([ORIGIN, 'TECH-001']);
    expect(host.count(`${ADMIN_USAGE}BELGO-001?`)).toBe(1);
    expect(host.count(`${ADMIN_USAGE}TECH-001?`)).toBe(1);
    expect(await billingKeys()).toEqual([`billing:${ORIGIN}|BELGO-001`, `billing:${ORIGIN}|TECH-001`]);
    // The family dropped for the first tenant is not asked for the second.
    expect(host.count('/api/v1/billing/')).toBe(1);
    expect((await sessionEntry(ORIGIN, 'TECH-001'))?.snapshot.tenantId).toBe('TECH-001');
  });

  it('two concurrent tenants are two fetches, not one shared', async () => {
    const [a, b] = await Promise.all([
      getBilling(ORIGIN, 'BELGO-001', token, 'cached', TTL, onSignedOut),
      getBilling(ORIGIN, 'TECH-001', token, 'cached', TTL, onSignedOut),
    ]);
    expect(a.ok && a.value.snapshot.tenantId).toBe('BELGO-001');
    expect(b.ok && b.value.snapshot.tenantId).toBe('TECH-001');
    expect(host.count(ADMIN_USAGE)).toBe(2);
  });

  it('forgetOrigin drops that origin only', async () => {
    await primed(ORIGIN, 'BELGO-001');
    await primed(ORIGIN, 'TECH-001');
    await primed(OTHER_ORIGIN, 'BELGO-001');
    await forgetOrigin(ORIGIN);
    expect(await billingKeys()).toEqual([`billing:${OTHER_ORIGIN}|BELGO-001`]);
    host.clear();
    const other = await getBilling(OTHER_ORIGIN, 'BELGO-001', token, 'cached', TTL, onSignedOut);
    expect(other.ok && other.value.snapshot.origin).toBe(OTHER_ORIGIN);
    expect(host.requests).toHaveLength(0);
    const mine = await getBilling(ORIGIN, 'BELGO-001', token, 'cached', TTL, onSignedOut);
    expect(mine.ok).toBe(true);
    expect(host.count(ADMIN_USAGE)).toBe(1);
  });

  it('forgetOrigin aborts what is in flight for that origin and stores nothing', async () => {
    host.route(ADMIN_USAGE, { hang: true });
    const pending = getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    await until(() => expect(host.count(ADMIN_USAGE)).toBe(1));
    await forgetOrigin(ORIGIN);
    expect(await pending).toEqual({ ok: false, error: { kind: 'signedOut' } });
    expect(await billingKeys()).toEqual([]);
    // A new request after that is not aborted by the old sign-out.
    host.route(ADMIN_USAGE, adminUsageRoute);
    const next = await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    expect(next.ok).toBe(true);
  });

  it('figures not cached (any more) load every part at once from the family that last answered', async () => {
    // The host with the tenant family fixed: usage and invoices, both from tenant v1.
    host.setRoutes({
      '/api/billing/': NOT_FOUND,
      '/api/v1/billing/current-usage': sample('v1-current-usage.if-tenant-resolved'),
      '/api/v1/billing/invoices': sample('v1-invoices.if-tenant-resolved'),
      [ADMIN_USAGE]: adminUsageRoute,
    });
    await primed();
    // Gone from the cache (evicted, or never fetched this session); the family is still known.
    await fakeBrowser.storage.session.remove(`billing:${ORIGIN}|${TENANT}`);
    const usage = deferred();
    host.route('/api/v1/billing/current-usage', { gate: usage.promise, then: sample('v1-current-usage.if-tenant-resolved') });
    host.clear();
    const answer = getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    // The invoices are asked for while the usage is still on its way: one round trip, not two.
    await until(() => expect(host.count('/api/v1/billing/invoices')).toBe(1));
    usage.resolve();
    const reply = await answer;
    expect(reply.ok && reply.value.snapshot.family).toBe('tenantV1');
    expect(host.requests).toHaveLength(2);
  });

  it('forgetOrigin forgets the dropped families too: the next sign-in probes every family again', async () => {
    await primed();
    host.clear();
    await forgetOrigin(ORIGIN);
    await getBilling(ORIGIN, TENANT, token, 'cached', TTL, onSignedOut);
    expect(host.count('/api/v1/billing/')).toBe(1);
  });

  it(`keeps at most ${MAX_ENTRIES_PER_ORIGIN} entries per origin, the least recently used going first`, async () => {
    const ids = Array.from({ length: MAX_ENTRIES_PER_ORIGIN + 2 }, (_, i) => `T-${i}`);
    for (const id of ids.slice(0, MAX_ENTRIES_PER_ORIGIN)) await primed(ORIGIN, id);
    // T-0 read again: now T-1 and T-2 are the least recently used.
    await getBilling(ORIGIN, 'T-0', token, 'cached', TTL, onSignedOut);
    for (const id of ids.slice(MAX_ENTRIES_PER_ORIGIN)) await primed(ORIGIN, id);
    await until(async () => expect(await billingKeys()).toHaveLength(MAX_ENTRIES_PER_ORIGIN));
    const kept = await billingKeys();
    expect(kept).toContain(`billing:${ORIGIN}|T-0`);
    expect(kept).not.toContain(`billing:${ORIGIN}|T-1`);
    expect(kept).not.toContain(`billing:${ORIGIN}|T-2`);
  });

  it('nothing billing-related lands in storage.local or storage.sync', async () => {
    await primed(ORIGIN, 'BELGO-001');
    await primed(ORIGIN, 'TECH-001');
    host.setRoutes({ '/api/': SERVER_ERROR });
    await getBilling(ORIGIN, 'BELGO-001', token, 'force', TTL, onSignedOut);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
    expect(JSON.stringify(await fakeBrowser.storage.session.get())).not.toContain(token);
  });
});
