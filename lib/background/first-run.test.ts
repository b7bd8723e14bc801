import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openFirstRunOnInstall } from '@/lib/background/first-run';

// The fake browser starts with one blank tab (no url).
const tabUrls = async () => (await fakeBrowser.tabs.query({})).flatMap((tab) => (tab.url ? [tab.url] : []));
const welcome = () => fakeBrowser.runtime.getURL('/welcome.html');

describe('the first-run page', () => {
  it('opens in a new tab when the extension is installed', async () => {
    await openFirstRunOnInstall({ reason: 'install' } as never);
    expect(await tabUrls()).toEqual([welcome()]);
  });

  it('does not open on an update, the browser\'s update or a shared module\'s', async () => {
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) {
      await openFirstRunOnInstall({ reason, previousVersion: '0.1.0' } as never);
    }
    expect(await tabUrls()).toEqual([]);
  });
});
