/**
 * identifyCaller: who may ask the background, and for which dashboard origin they speak.
 */
import { describe, expect, it } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { identifyCaller } from '@/lib/background/sender';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';

function sender(fields: Record<string, unknown>): Browser.runtime.MessageSender {
  return fields as Browser.runtime.MessageSender;
}

describe('identifyCaller', () => {
  const settings = DEFAULT_SETTINGS;
  const id = () => browser.runtime.id;

  it('accepts an extension page, speaking for the configured dashboard', () => {
    expect(identifyCaller(sender({ id: id(), url: browser.runtime.getURL('/popup.html') }), settings)).toEqual({
      kind: 'extensionPage',
      origin: 'http://localhost:9001',
    });
  });

  it('accepts the top frame of a tab on the configured origin', () => {
    expect(
      identifyCaller(sender({ id: id(), url: 'http://localhost:9001/dashboard?x=1', tab: { id: 7 }, frameId: 0 }), settings),
    ).toEqual({ kind: 'dashboard', origin: 'http://localhost:9001', tabId: 7 });
  });

  it('refuses a sender with another extension id', () => {
    expect(identifyCaller(sender({ id: 'other-extension', url: browser.runtime.getURL('/popup.html') }), settings)).toBeNull();
    expect(
      identifyCaller(sender({ id: 'other-extension', url: 'http://localhost:9001/', tab: { id: 7 }, frameId: 0 }), settings),
    ).toBeNull();
  });

  it('refuses a tab on a non-dashboard origin', () => {
    for (const url of ['http://evil.example/', 'http://localhost:9002/', 'https://localhost:9001/', 'http://127.0.0.1:9001/']) {
      expect(identifyCaller(sender({ id: id(), url, tab: { id: 7 }, frameId: 0 }), settings)).toBeNull();
    }
  });

  it('refuses a sub-frame, even on the dashboard origin', () => {
    expect(identifyCaller(sender({ id: id(), url: 'http://localhost:9001/', tab: { id: 7 }, frameId: 1 }), settings)).toBeNull();
  });

  it('refuses a sender with no tab and a web URL', () => {
    expect(identifyCaller(sender({ id: id(), url: 'http://localhost:9001/' }), settings)).toBeNull();
    expect(identifyCaller(sender({ id: id() }), settings)).toBeNull();
  });

  it('follows the configured origin', () => {
    const custom = { ...settings, dashboardOrigin: 'https://dash.example.com' };
    expect(identifyCaller(sender({ id: id(), url: 'http://localhost:9001/', tab: { id: 7 }, frameId: 0 }), custom)).toBeNull();
    expect(identifyCaller(sender({ id: id(), url: 'https://dash.example.com/x', tab: { id: 7 }, frameId: 0 }), custom)).toEqual({
      kind: 'dashboard',
      origin: 'https://dash.example.com',
      tabId: 7,
    });
    expect(identifyCaller(sender({ id: id(), url: browser.runtime.getURL('/options.html') }), custom)).toEqual({
      kind: 'extensionPage',
      origin: 'https://dash.example.com',
    });
  });
});
