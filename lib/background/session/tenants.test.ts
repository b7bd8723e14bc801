/** A person's tenant choices as the tenant list reads and changes them (tenants.ts). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { toStoredSession } from '@/lib/background/session/store';
import { chooseTenant, tenantsFor } from '@/lib/background/session/tenants';
import { tenantChoicesItem } from '@/lib/storage/tenant-choices';
import { NORMAL_STORE } from '@/lib/dashboard/place';
import { ORIGIN, createFakeHost, mintJwt, sample } from '@/tests/support/fake-host';
import { slowStorageReads } from '@/tests/support/slow-storage';

const HERE = { origin: ORIGIN, store: NORMAL_STORE };
const person = () => toStoredSession({ token: mintJwt({ sub: 'belgo_admin' }), userData: null, currentTenant: null })!;

beforeEach(() => {
  vi.stubGlobal('fetch', createFakeHost({ '/api/user/tenants': sample('user-tenants.admin-v1-token') }).fetch);
});

describe('chooseTenant', () => {
  it('two choices at once (two windows) both stay: neither write reads before the other is done', async () => {
    slowStorageReads('local');
    const session = person();
    await Promise.all([chooseTenant(HERE, session, 'TECH-001'), chooseTenant(HERE, session, 'ACME-001')]);
    const mine = (await tenantChoicesItem.getValue())[`${ORIGIN} belgo_admin`];
    expect(mine?.chosen).toEqual(['TECH-001', 'ACME-001']);
  });
});

describe('tenantsFor', () => {
  it('reads malformed stored choices as none, without a throw (which would read as "offline")', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ tenantChoices: { [`${ORIGIN} belgo_admin`]: { active: 'TECH-001' } } });
    const list = await tenantsFor(HERE, person());
    expect(list.tenants.map((t) => t.source)).not.toContain('chosen');
    expect(list.activeId).not.toBe('TECH-001');
  });
});
