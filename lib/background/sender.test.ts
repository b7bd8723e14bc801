/**
 * identifyCaller: who may ask the background, and for which place (dashboard origin and cookie
 * store) they speak: a dashboard tab for its own container or private window, as the browser
 * tells it; an extension page for the store the popup follows, or the one that opened it.
 */
import { describe, expect, it } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { identifyCaller } from '@/lib/background/sender';
import { rememberPageStore } from '@/lib/background/page-stores';
import { tabInFront } from '@/lib/background/router.support';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';

function sender(fields: Record<string, unknown>): Browser.runtime.MessageSender {
  return fields as Browser.runtime.MessageSender;
}

const DASH = 'http://localhost:9001';
const normal = (origin = DASH) => ({ origin, store: 'default' });

describe('identifyCaller', () => {
  const settings = DEFAULT_SETTINGS;
  const id = () => browser.runtime.id;
  const popup = () => sender({ id: id(), url: browser.runtime.getURL('/popup.html') });

  it('accepts an extension page, speaking for the configured dashboard in normal windows', async () => {
    expect(await identifyCaller(popup(), settings)).toEqual({ kind: 'extensionPage', place: normal() });
  });

  it('accepts the top frame of a tab on the configured origin, in the store the browser gives that tab', async () => {
    const at = (tab: Record<string, unknown>) => identifyCaller(sender({ id: id(), url: `${DASH}/dashboard?x=1`, tab, frameId: 0 }), settings);
    expect(await at({ id: 7, incognito: false })).toEqual({ kind: 'dashboard', place: normal(), tabId: 7 });
    expect(await at({ id: 7, incognito: false, cookieStoreId: 'firefox-default' })).toEqual({ kind: 'dashboard', place: normal(), tabId: 7 });
    expect(await at({ id: 8, incognito: false, cookieStoreId: 'firefox-container-2' })).toEqual({
      kind: 'dashboard', place: { origin: DASH, store: 'firefox-container-2' }, tabId: 8,
    });
    for (const tab of [{ id: 9, incognito: true }, { id: 9, incognito: true, cookieStoreId: 'firefox-private' }]) {
      expect(await at(tab)).toEqual({ kind: 'dashboard', place: { origin: DASH, store: 'private' }, tabId: 9 });
    }
  });

  it('an extension page follows the store of the dashboard tab in front, else the normal one', async () => {
    tabInFront(`${DASH}/kanban`, { cookieStoreId: 'firefox-container-2' });
    expect(await identifyCaller(popup(), settings)).toEqual({ kind: 'extensionPage', place: { origin: DASH, store: 'firefox-container-2' } });
    tabInFront('https://elsewhere.example/', { cookieStoreId: 'firefox-container-2' });
    expect(await identifyCaller(popup(), settings)).toEqual({ kind: 'extensionPage', place: normal() });
  });

  it('a full page speaks for the store of the tab that opened it', async () => {
    await rememberPageStore(12, 'firefox-container-2');
    const full = (tabId: number) => sender({ id: id(), url: browser.runtime.getURL('/billing.html'), tab: { id: tabId } });
    expect(await identifyCaller(full(12), settings)).toEqual({ kind: 'extensionPage', place: { origin: DASH, store: 'firefox-container-2' } });
    expect(await identifyCaller(full(13), settings)).toEqual({ kind: 'extensionPage', place: normal() });
  });

  it('refuses a sender with another extension id', async () => {
    expect(await identifyCaller(sender({ id: 'other-extension', url: browser.runtime.getURL('/popup.html') }), settings)).toBeNull();
    expect(
      await identifyCaller(sender({ id: 'other-extension', url: `${DASH}/`, tab: { id: 7 }, frameId: 0 }), settings),
    ).toBeNull();
  });

  it('refuses a tab on a non-dashboard origin', async () => {
    for (const url of ['http://evil.example/', 'http://localhost:9002/', 'https://localhost:9001/', 'http://127.0.0.1:9001/']) {
      expect(await identifyCaller(sender({ id: id(), url, tab: { id: 7 }, frameId: 0 }), settings)).toBeNull();
    }
  });

  it('refuses a sub-frame, even on the dashboard origin', async () => {
    expect(await identifyCaller(sender({ id: id(), url: `${DASH}/`, tab: { id: 7 }, frameId: 1 }), settings)).toBeNull();
  });

  it('refuses a sender with no tab and a web URL', async () => {
    expect(await identifyCaller(sender({ id: id(), url: `${DASH}/` }), settings)).toBeNull();
    expect(await identifyCaller(sender({ id: id() }), settings)).toBeNull();
  });

  it('follows the configured origin', async () => {
    const custom = { ...settings, dashboardOrigin: 'https://dash.example.com' };
    const tab = { id: 7, incognito: false };
    expect(await identifyCaller(sender({ id: id(), url: `${DASH}/`, tab, frameId: 0 }), custom)).toBeNull();
    expect(await identifyCaller(sender({ id: id(), url: 'https://dash.example.com/x', tab, frameId: 0 }), custom)).toEqual({
      kind: 'dashboard',
      place: normal('https://dash.example.com'),
      tabId: 7,
    });
    expect(await identifyCaller(sender({ id: id(), url: browser.runtime.getURL('/options.html') }), custom)).toEqual({
      kind: 'extensionPage',
      place: normal('https://dash.example.com'),
    });
  });

  describe('a dashboard named beside the request', () => {
    const STAGING = 'http://localhost:9002';
    const two = { ...settings, dashboards: [{ name: 'Produção', origin: DASH }, { name: 'Homologação', origin: STAGING }] };
    const tab = { id: 7, incognito: false };

    it("an extension page speaks for any of the person's dashboards it names", async () => {
      expect(await identifyCaller(popup(), two, STAGING)).toEqual({ kind: 'extensionPage', place: normal(STAGING) });
      expect(await identifyCaller(popup(), two, DASH)).toEqual({ kind: 'extensionPage', place: normal() });
      expect(await identifyCaller(popup(), two)).toEqual({ kind: 'extensionPage', place: normal() });
    });

    it("is refused when it is not one of the person's dashboards, or not an origin at all", async () => {
      for (const named of ['http://evil.example', `${STAGING}/`, 'http://LOCALHOST:9002', '', null, 9002, { origin: STAGING }]) {
        expect(await identifyCaller(popup(), two, named)).toBeNull();
      }
      // Removed from the list: no longer a place to speak for.
      expect(await identifyCaller(popup(), settings, STAGING)).toBeNull();
    });

    it('is refused from a dashboard tab, even naming its own origin: a tab speaks for its own only', async () => {
      for (const named of [STAGING, DASH]) {
        expect(await identifyCaller(sender({ id: id(), url: `${DASH}/dashboard`, tab, frameId: 0 }), two, named)).toBeNull();
      }
      expect(await identifyCaller(sender({ id: id(), url: `${STAGING}/dashboard`, tab, frameId: 0 }), two)).toEqual({
        kind: 'dashboard', place: normal(STAGING), tabId: 7,
      });
    });
  });
});
