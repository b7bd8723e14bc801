/**
 * Several dashboards at once, never mixed (#26): two origins, a different person signed in at
 * each. Every message goes through identifyCaller with the sender the browser would give, as the
 * background's listener does (entrypoints/background.ts), so each caller speaks for the place the
 * browser says. Request by request, each dashboard's host hears only its own person's token, and
 * no answer of one is ever returned for the other.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { handleRequest } from '@/lib/background/router';
import { identifyCaller } from '@/lib/background/sender';
import { forgetPlace } from '@/lib/background/session/session';
import { forgetOriginsNoLongerWatched } from '@/lib/background/session/watched';
import { NORMAL_STORE } from '@/lib/dashboard/place';
import type { Result } from '@/lib/billing/model';
import { parseRequest } from '@/lib/protocol/requests';
import type { BillingView, Request, TenantList } from '@/lib/protocol/replies';
import { settingsItem, updateSettings } from '@/lib/storage/settings';
import { allStorageText, identityRoutes, page, setUpRouterTests, withTenantClaim } from '@/lib/background/router.support';
import { ORIGIN, adminUsageRoute, createFakeHost, json, mintJwt, sample, todayRoutes, until, type FakeHost, type RecordedRequest } from '@/tests/support/fake-host';

setUpRouterTests();

const A = ORIGIN;
/** The same host on another port: only the origin tells the two dashboards apart. */
const B = 'http://localhost:9002';
/** B's host bills its tenants its own figures: an answer of A's shown for B would show. */
const B_TOTAL_CENTS = 55_500;

let hostA: FakeHost;
let hostB: FakeHost;
/** Requests to any other origin: there should be none. */
let strays: string[];
let tokenA: string;
let tokenB: string;

beforeEach(async () => {
  hostA = createFakeHost({ ...identityRoutes(), ...todayRoutes() });
  hostB = createFakeHost({
    ...identityRoutes(),
    ...todayRoutes(),
    '/api/v1/admin/billing/usage/': (request: RecordedRequest) => {
      const reply = adminUsageRoute(request);
      const body = reply.body as { summary: { costs: Record<string, unknown> } };
      return { ...reply, body: { ...body, total_cost_cents: B_TOTAL_CENTS, summary: { ...body.summary, costs: { ...body.summary.costs, total_cents: B_TOTAL_CENTS } } } };
    },
  });
  strays = [];
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const origin = new URL(url).origin;
    if (origin === A) return hostA.fetch(input, init);
    if (origin === B) return hostB.fetch(input, init);
    strays.push(url);
    return Promise.reject(new TypeError('fetch failed'));
  });
  // belgo_admin at A, tech_admin at B: each token's claims name the person's own tenant.
  tokenA = withTenantClaim({ sub: 'belgo_admin' });
  tokenB = mintJwt({ sub: 'tech_admin', tenant_id: 'TECH-001' });
  await updateSettings({ dashboards: [{ name: 'Produção', origin: A }, { name: 'Homologação', origin: B }], dashboardOrigin: A });
});

afterEach(async () => {
  await Promise.all([A, B].map((origin) => forgetPlace({ origin, store: NORMAL_STORE })));
});

type Sender = Browser.runtime.MessageSender;
/** Our content script in the top frame of a dashboard tab, as the browser names it. */
const tabAt = (origin: string, tabId: number): Sender => ({ id: browser.runtime.id, url: `${origin}/kanban`, tab: { id: tabId, incognito: false } as Browser.tabs.Tab, frameId: 0 });
const TAB_A = tabAt(A, 11);
const TAB_B = tabAt(B, 12);
const POPUP: Sender = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };

/** What the background's message listener does with a message: who sent it, then its answer. */
async function ask(from: Sender, message: Request): Promise<Result<unknown>> {
  const caller = await identifyCaller(from, await settingsItem.getValue());
  const request = caller ? parseRequest(message) : null;
  if (!caller || !request) return { ok: false, error: { kind: 'noAccess' } };
  return handleRequest(caller, request);
}

const signIn = (from: Sender, token: string, tenant: string) => ask(from, { op: 'session.report', session: page(token, tenant) });
const billingOf = (from: Sender, request: Omit<Extract<Request, { op: 'billing.get' }>, 'op'> = { freshness: 'fresh' }) =>
  ask(from, { op: 'billing.get', ...request }) as Promise<Result<BillingView>>;
const tenantsOf = (from: Sender) => ask(from, { op: 'tenants.get' }) as Promise<Result<TenantList>>;

/** Where an answer's figures came from: origin, tenant and total; or why there are none. */
const whose = (reply: Result<BillingView>) =>
  reply.ok ? { origin: reply.value.snapshot.origin, tenant: reply.value.snapshot.tenantId, cents: reply.value.snapshot.usage.total.cents } : reply.error.kind;
const FIGURES_A = { origin: A, tenant: 'BELGO-001', cents: 2702 };
const FIGURES_B = { origin: B, tenant: 'TECH-001', cents: B_TOTAL_CENTS };

/** Request by request: A's host heard only A's person's token, B's only B's, nobody else anything. */
function expectNeverMixed(): void {
  const tokensAt = (host: FakeHost) => host.requests.map((r) => `${r.path} ${r.headers.authorization ?? 'no token'}`);
  expect(tokensAt(hostA)).toEqual(hostA.requests.map((r) => `${r.path} Bearer ${tokenA}`));
  expect(tokensAt(hostB)).toEqual(hostB.requests.map((r) => `${r.path} Bearer ${tokenB}`));
  expect(strays).toEqual([]);
}

describe('two dashboards, a different person at each', () => {
  it("each tab, and the extension page for the chosen one, gets only its own dashboard's figures and tenants; each token goes to its own host only", async () => {
    expect(await signIn(TAB_A, tokenA, 'BELGO-001')).toMatchObject({ ok: true, value: { canSeeBilling: true } });
    expect(await signIn(TAB_B, tokenB, 'TECH-001')).toMatchObject({ ok: true, value: { canSeeBilling: true } });

    expect(whose(await billingOf(TAB_A))).toEqual(FIGURES_A);
    expect(whose(await billingOf(TAB_B))).toEqual(FIGURES_B);
    expect(whose(await billingOf(TAB_B, { freshness: 'fresh', month: '2026-10' }))).toMatchObject({ origin: B, tenant: 'TECH-001' });
    const tenantsA = await tenantsOf(TAB_A);
    const tenantsB = await tenantsOf(TAB_B);
    expect(tenantsA.ok && { origin: tenantsA.value.origin, ids: tenantsA.value.tenants.map((t) => t.id) }).toEqual({ origin: A, ids: ['BELGO-001'] });
    expect(tenantsB.ok && { origin: tenantsB.value.origin, ids: tenantsB.value.tenants.map((t) => t.id) }).toEqual({ origin: B, ids: ['TECH-001'] });

    // The popup speaks for the chosen dashboard: A, then B once chosen; each time only its figures.
    expect(whose(await billingOf(POPUP))).toEqual(FIGURES_A);
    expect(await billingOf(POPUP, { freshness: 'fresh', tenantId: 'TECH-001' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    await updateSettings({ dashboardOrigin: B });
    expect(whose(await billingOf(POPUP, { freshness: 'force' }))).toEqual(FIGURES_B);
    const popupTenants = await tenantsOf(POPUP);
    expect(popupTenants.ok && popupTenants.value.tenants.map((t) => t.id)).toEqual(['TECH-001']);
    expect(await billingOf(POPUP, { freshness: 'fresh', tenantId: 'BELGO-001' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    // Choosing B changed nothing for A's tab.
    expect(whose(await billingOf(TAB_A, { freshness: 'force' }))).toEqual(FIGURES_A);

    expect(hostA.count('/api/v1/admin/billing/usage/')).toBeGreaterThan(0);
    expect(hostB.count('/api/v1/admin/billing/usage/')).toBeGreaterThan(0);
    expect(hostA.requests.some((r) => r.path.includes('TECH-001'))).toBe(false);
    expect(hostB.requests.some((r) => r.path.includes('BELGO-001'))).toBe(false);
    expectNeverMixed();
  });

  it("a tab on B cannot get A's figures by naming A's tenant; the same id chosen at B is B's own tenant, from B's host", async () => {
    // B's person first: were both tabs taken for one place, A's sign-in would be the one kept.
    await signIn(TAB_B, tokenB, 'TECH-001');
    await signIn(TAB_A, tokenA, 'BELGO-001');
    expect(whose(await billingOf(TAB_A))).toEqual(FIGURES_A);
    const usageAsked = hostA.count('/api/v1/admin/billing/usage/');

    expect(await billingOf(TAB_B, { freshness: 'fresh', tenantId: 'BELGO-001' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(await billingOf(TAB_B, { freshness: 'fresh', tenantId: 'BELGO-001', month: '2026-10' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(await ask(TAB_B, { op: 'tenant.select', tenantId: 'BELGO-001' })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(hostA.count('/api/v1/admin/billing/usage/')).toBe(usageAsked);

    // B's person says BELGO-001 is theirs (a tenant of B's installation): B's host answers for it.
    expect((await ask(TAB_B, { op: 'tenant.choose', tenantId: 'BELGO-001' })).ok).toBe(true);
    expect(whose(await billingOf(TAB_B, { freshness: 'fresh', tenantId: 'BELGO-001' }))).toEqual({ origin: B, tenant: 'BELGO-001', cents: B_TOTAL_CENTS });
    expect(whose(await billingOf(TAB_A))).toEqual(FIGURES_A);
    expect(hostA.count('/api/v1/admin/billing/usage/')).toBe(usageAsked);
    expectNeverMixed();
  });

  it('the same token at both (a copy of production, signed with its key): each host decides for itself who may see billing and which tenants are theirs', async () => {
    tokenA = tokenB = mintJwt({ sub: 'tech_admin' });
    hostA.route('/api/user/permissions', sample('user-permissions.developer'));
    hostB.route('/api/user/tenants', json(200, {
      success: true, tenants: [{ tenant_id: 'TECH-001', name: 'Tech Corp', is_current: true }], current: 'TECH-001', can_switch: false,
    }));
    expect(await signIn(TAB_A, tokenA, 'BELGO-001')).toMatchObject({ ok: true, value: { canSeeBilling: false } });
    expect(await signIn(TAB_B, tokenB, 'BELGO-001')).toMatchObject({ ok: true, value: { canSeeBilling: true } });
    expect(await billingOf(TAB_A)).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(whose(await billingOf(TAB_B))).toEqual(FIGURES_B);
    expectNeverMixed();
  });

  it("a dashboard removed from the list forgets its person: its token is never sent again, and added back it has nobody until a tab says so", async () => {
    // The fake browser has no permissions API: both dashboards are granted.
    (browser as unknown as { permissions: unknown }).permissions = {
      contains: vi.fn(async () => true),
      onRemoved: { addListener: () => undefined },
    };
    forgetOriginsNoLongerWatched();
    await signIn(TAB_A, tokenA, 'BELGO-001');
    await signIn(TAB_B, tokenB, 'TECH-001');
    expect(whose(await billingOf(TAB_B))).toEqual(FIGURES_B);
    expect(await allStorageText('session')).toContain(B);

    await updateSettings({ dashboards: [{ name: 'Produção', origin: A }], dashboardOrigin: A });
    await until(async () => {
      expect(await allStorageText('session')).not.toContain(B);
      // Only the fact that someone once signed in there stays (it words "signed out" apart from "never").
      const { signedInOrigins: _once, ...local } = await fakeBrowser.storage.local.get();
      expect(JSON.stringify(local)).not.toContain(B);
    });
    const heardByB = hostB.requests.length;
    // B's tab is no dashboard now; A's keeps its person and figures.
    expect(await billingOf(TAB_B)).toEqual({ ok: false, error: { kind: 'noAccess' } });
    expect(whose(await billingOf(TAB_A, { freshness: 'force' }))).toEqual(FIGURES_A);

    // Added back and chosen: nobody is signed in there until its tab reports again.
    await updateSettings({ dashboards: [{ name: 'Produção', origin: A }, { name: 'Homologação', origin: B }], dashboardOrigin: B });
    expect(whose(await billingOf(TAB_B, { freshness: 'cached' }))).toBe('signedOut');
    expect(whose(await billingOf(POPUP, { freshness: 'force' }))).toBe('signedOut');
    expect(hostB.requests.length).toBe(heardByB);
    expectNeverMixed();
  });
});
