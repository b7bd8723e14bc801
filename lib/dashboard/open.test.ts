/** Where "open the dashboard" (to sign in) leads: one of the person's dashboards, never an address a page names alone. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDashboard } from '@/lib/dashboard/open';
import { updateSettings } from '@/lib/storage/settings';

const A = 'http://localhost:9001';
const B = 'http://localhost:9002';

describe('openDashboard', () => {
  it('opens the dashboard named when it is in the list, else the chosen one', async () => {
    fakeBrowser.reset();
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({ id: 1 } as never);
    await updateSettings({ dashboards: [{ name: 'Produção', origin: A }, { name: 'Homologação', origin: B }], dashboardOrigin: A });
    await openDashboard(B);
    await openDashboard();
    // An origin a page's address names but the person never listed.
    await openDashboard('https://evil.example');
    expect(create.mock.calls.map(([tab]) => tab.url)).toEqual([`${B}/`, `${A}/`, `${A}/`]);
  });
});
