/** The tenant choices item: what does not fit reads as none; the profile-wide choice of old goes. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dropProfileWideTenants, personKey, tenantChoicesItem } from '@/lib/storage/tenant-choices';

const KEY = personKey('http://localhost:9001', 'belgo_admin');

describe('tenantChoicesItem', () => {
  it('reads choices back as written, per origin and person', async () => {
    await tenantChoicesItem.setValue({ [KEY]: { chosen: ['TECH-001'], active: 'TECH-001' } });
    expect(await tenantChoicesItem.getValue()).toEqual({ 'http://localhost:9001 belgo_admin': { chosen: ['TECH-001'], active: 'TECH-001' } });
  });

  it('reads malformed choices as none, with one warning, never a throw', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const malformed of [{ [KEY]: { active: 'TECH-001' } }, { [KEY]: { chosen: 'TECH-001', active: null } }, ['TECH-001']]) {
      await fakeBrowser.storage.local.set({ tenantChoices: malformed });
      await expect(tenantChoicesItem.getValue()).resolves.toEqual({});
    }
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('dropProfileWideTenants', () => {
  it('removes the one active tenant per origin that versions before per-person tenants kept', async () => {
    await fakeBrowser.storage.local.set({
      activeTenants: { 'http://localhost:9001': 'TECH-001' },
      activeTenants$: { v: 1 },
      tenantChoices: { [KEY]: { chosen: [], active: 'BELGO-001' } },
    });
    await dropProfileWideTenants();
    expect(Object.keys(await fakeBrowser.storage.local.get())).toEqual(['tenantChoices']);
  });
});
