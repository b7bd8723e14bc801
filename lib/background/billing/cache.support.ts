/**
 * What the cache's tests share: today's fake host, a session token, the clock at T0, a listener
 * standing in for the session module (which signs refused tokens out), and ways to ask the cache
 * and to look at what it stored. `host`, `token` and `refused` are new for each test.
 */
import { afterEach, beforeEach, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { forgetCache, getBilling, type BillingRequest } from '@/lib/background/billing/cache';
import { NORMAL_STORE, partsKey } from '@/lib/dashboard/place';
import { onTokenRefused } from '@/lib/background/billing/cache-policy';
import type { Freshness } from '@/lib/protocol/replies';
import type { CacheEntry } from '@/lib/storage/billing-cache';
import { ORIGIN, createFakeHost, mintJwt, todayRoutes, type FakeHost } from '@/tests/support/fake-host';

export const TENANT = 'BELGO-001';
export const OTHER_ORIGIN = 'http://localhost:9002';
export const TTL = 60_000;
export const T0 = new Date('2026-11-25T12:00:00Z').getTime();
export const ADMIN_USAGE = '/api/v1/admin/billing/usage/';

export let host: FakeHost;
export let token: string;
export let refused: Mock<(place: { origin: string; store: string }, token: string) => Promise<void>>;

/** Another fake host for the rest of the test. */
export function useHost(routes: Parameters<typeof createFakeHost>[0]): void {
  host = createFakeHost(routes);
  vi.stubGlobal('fetch', host.fetch);
}

/** Registers the set-up and clean-up every cache test file needs. */
export function setUpCacheTests(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    useHost(todayRoutes());
    token = mintJwt();
    refused = vi.fn(async () => undefined);
    onTokenRefused(refused);
  });

  afterEach(async () => {
    // Abort whatever a test left in flight, so nothing leaks into the next one.
    await forgetCache({ origin: ORIGIN, store: NORMAL_STORE });
    await forgetCache({ origin: OTHER_ORIGIN, store: NORMAL_STORE });
    vi.useRealTimers();
  });
}

/** The cache asked for the test's session: TENANT on ORIGIN unless `request` says otherwise. */
export function ask(freshness: Freshness, request: Partial<BillingRequest> = {}) {
  return getBilling({ origin: ORIGIN, store: NORMAL_STORE, tenantId: TENANT, token, freshness, ttlMs: TTL, ...request });
}

/** A first good answer in the cache, fetched at T0. */
export async function primed(origin = ORIGIN, tenantId = TENANT) {
  const first = await ask('force', { origin, tenantId });
  if (!first.ok) throw new Error(`priming failed: ${JSON.stringify(first.error)}`);
  return first.value;
}

/** The storage key (area left out) of a tenant's entry in the normal store. */
export const entryKey = (origin: string, tenantId: string, month?: string): string =>
  `billing:${month ? partsKey(origin, NORMAL_STORE, tenantId, month) : partsKey(origin, NORMAL_STORE, tenantId)}`;

export async function sessionEntry(origin: string, tenantId: string): Promise<CacheEntry | undefined> {
  const all = await fakeBrowser.storage.session.get();
  return all[entryKey(origin, tenantId)] as CacheEntry | undefined;
}

export async function billingKeys(): Promise<string[]> {
  return Object.keys(await fakeBrowser.storage.session.get()).filter((k) => k.startsWith('billing:')).sort();
}
