/**
 * What the router's tests share: the two kinds of caller, the host's identity answers, a fake
 * host new for each test (`host`), and the operations as a page sends them.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { forgetCache } from '@/lib/background/billing/cache';
import { NORMAL_STORE, type Place } from '@/lib/dashboard/place';
import { handleRequest } from '@/lib/background/router';
import type { Caller } from '@/lib/background/sender';
import type { Result } from '@/lib/billing/model';
import type { Access, BillingView, PageSession, Request, TenantList } from '@/lib/protocol/replies';
import { ORIGIN, createFakeHost, json, mintJwt, sample, todayRoutes, type FakeHost, type Route, type TestClaims } from '@/tests/support/fake-host';

/** The dashboard in normal windows: where every test's person is, unless it says otherwise. */
export const NORMAL: Place = { origin: ORIGIN, store: NORMAL_STORE };
export const DASHBOARD: Caller = { kind: 'dashboard', place: NORMAL, tabId: 1 };
export const POPUP: Caller = { kind: 'extensionPage', place: NORMAL };

/** A token whose claims name the person's tenant: the host vouches for BELGO-001. */
export const withTenantClaim = (claims: TestClaims = {}) => mintJwt({ tenant_id: 'BELGO-001', ...claims });

export const TWO_TENANTS = json(200, {
  success: true,
  tenants: [
    { tenant_id: 'BELGO-001', name: 'Belgo Arames', is_current: true, branding: { primary_color: '#003B4A' } },
    { tenant_id: 'TECH-001', name: 'Tech Corp', is_current: false, branding: { primary_color: '#112233' } },
  ],
  current: 'BELGO-001',
  can_switch: true,
});

export function identityRoutes(role: 'admin' | 'developer' = 'admin'): Record<string, Route> {
  return {
    '/api/user/permissions': sample(role === 'admin' ? 'user-permissions.admin-v1-token' : 'user-permissions.developer'),
    '/api/v1/auth/me': sample('auth-me.admin-v1-token'),
    '/api/user/tenants': sample('user-tenants.admin-v1-token'),
  };
}

export let host: FakeHost;

/** Registers the set-up and clean-up every router test file needs: today's host, who it knows. */
export function setUpRouterTests(): void {
  beforeEach(() => {
    host = createFakeHost({ ...identityRoutes(), ...todayRoutes() });
    vi.stubGlobal('fetch', host.fetch);
  });

  afterEach(async () => {
    await forgetCache(NORMAL);
  });
}

export function page(token: string | null, currentTenant: string | null = 'BELGO-001', userData: string | null = null): PageSession {
  return { token, userData, currentTenant };
}

/** A dashboard tab reports its page's session. */
export async function report(token: string | null, currentTenant: string | null = 'BELGO-001', userData: string | null = null, caller: Caller = DASHBOARD) {
  return (await handleRequest(caller, { op: 'session.report', session: page(token, currentTenant, userData) })) as Result<Access>;
}

export async function billing(request: Omit<Extract<Request, { op: 'billing.get' }>, 'op'>, caller: Caller = POPUP) {
  return (await handleRequest(caller, { op: 'billing.get', ...request })) as Result<BillingView>;
}

/** The person says `tenantId` is theirs. */
export const choose = (tenantId: string, caller: Caller = POPUP) =>
  handleRequest(caller, { op: 'tenant.choose', tenantId }) as Promise<Result<TenantList>>;

/** The browser says the tab in front (of the window last focused) shows `url`, in that store. */
export function tabInFront(url: string, facts: { incognito?: boolean; cookieStoreId?: string } = {}): void {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 9, url, incognito: false, ...facts } as unknown as Browser.tabs.Tab]);
}

export async function allStorageText(area: 'local' | 'sync' | 'session'): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage[area].get());
}
