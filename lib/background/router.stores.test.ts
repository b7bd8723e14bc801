/**
 * One dashboard, several cookie stores (Firefox containers, private and incognito windows): each
 * store's tabs have their own page session, so their own person and figures; the popup follows
 * the dashboard tab in front; a private window leaves nothing in storage.local and its people go
 * with its last window.
 */
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { identifyCaller, type Caller } from '@/lib/background/sender';
import { forgetPrivateWindowsWhenClosed } from '@/lib/background/session/private-store';
import { forgetCache } from '@/lib/background/billing/cache';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { allStorageText, billing, choose, report, setUpRouterTests, tabInFront, withTenantClaim } from '@/lib/background/router.support';
import { ORIGIN, mintJwt, until } from '@/tests/support/fake-host';

setUpRouterTests();

const tabIn = (store: string, tabId: number): Caller => ({ kind: 'dashboard', place: { origin: ORIGIN, store }, tabId });
const BELGO_TAB = tabIn('firefox-container-1', 2);
const TECH_TAB = tabIn('firefox-container-2', 3);
const PRIVATE_TAB = tabIn('private', 4);

const belgo = () => withTenantClaim({ sub: 'belgo_admin' });
const tech = () => mintJwt({ sub: 'tech_admin', tenant_id: 'TECH-001' });
const tenantOf = async (caller: Caller) => {
  const reply = await billing({ freshness: 'cached' }, caller);
  return reply.ok ? reply.value.snapshot.tenantId : reply.error.kind;
};

describe('one dashboard in two containers', () => {
  it('each tab keeps its own person and figures; a sign-in or sign-out in one leaves the other alone', async () => {
    await report(belgo(), 'BELGO-001', null, BELGO_TAB);
    await report(tech(), 'TECH-001', null, TECH_TAB);
    expect(await tenantOf(BELGO_TAB)).toBe('BELGO-001');
    expect(await tenantOf(TECH_TAB)).toBe('TECH-001');
    // Signed out in the second container: the first keeps its person and cached figures.
    await report(null, null, null, TECH_TAB);
    expect(await tenantOf(TECH_TAB)).toBe('signedOut');
    expect(await tenantOf(BELGO_TAB)).toBe('BELGO-001');
    await forgetCache(BELGO_TAB.place);
  });

  it('the popup shows the person of the dashboard tab in front, the normal windows\' otherwise', async () => {
    await report(belgo(), 'BELGO-001');
    await report(tech(), 'TECH-001', null, TECH_TAB);
    const popup = async (url: string) => {
      tabInFront(url, { cookieStoreId: 'firefox-container-2' });
      return (await identifyCaller({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') }, DEFAULT_SETTINGS))!;
    };
    expect(await tenantOf(await popup(`${ORIGIN}/`))).toBe('TECH-001');
    expect(await tenantOf(await popup('https://elsewhere.example/'))).toBe('BELGO-001');
    await forgetCache(TECH_TAB.place);
  });
});

describe('a private window', () => {
  it('writes nothing of its person to storage.local, and forgets them with its last window', async () => {
    const privateWindow = await fakeBrowser.windows.create({ incognito: true });
    forgetPrivateWindowsWhenClosed();
    // Signed in through the login page: the person confirms their tenant, in the private window.
    await report(mintJwt({ sub: 'tech_admin' }), 'BELGO-001', null, PRIVATE_TAB);
    expect((await choose('TECH-001', PRIVATE_TAB)).ok).toBe(true);
    expect(await tenantOf(PRIVATE_TAB)).toBe('TECH-001');
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    await report(belgo(), 'BELGO-001');
    expect(await allStorageText('session')).toContain('tech_admin');

    await fakeBrowser.windows.remove(privateWindow.id!);
    await until(async () => expect(await allStorageText('session')).not.toContain('tech_admin'));
    expect(await allStorageText('session')).not.toContain('|private|');
    expect(await tenantOf(PRIVATE_TAB)).toBe('signedOut');
    // The normal windows' person stays.
    expect(await tenantOf({ ...BELGO_TAB, place: { origin: ORIGIN, store: 'default' } })).toBe('BELGO-001');
  });
});
