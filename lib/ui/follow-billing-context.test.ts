/**
 * The extension's pages hear every change of whose figures they show: a tenant switched in a
 * normal window or in a private one (kept apart, in storage.session), or a new dashboard address.
 */
import { describe, expect, it, vi } from 'vitest';
import { followBillingContext } from '@/lib/ui/follow-billing-context';
import { updateSettings } from '@/lib/storage/settings';
import { privateTenantChoicesItem, tenantChoicesItem } from '@/lib/storage/tenant-choices';
import { sessionsItem } from '@/lib/storage/sessions';

const choice = { 'http://localhost:9001 tech_admin': { chosen: ['TECH-001'], active: 'TECH-001' } };

describe('followBillingContext', () => {
  it('hears a tenant switched in a normal or a private window, and a new dashboard address', async () => {
    const heard = vi.fn();
    const stop = followBillingContext(heard);
    await tenantChoicesItem.setValue(choice);
    await privateTenantChoicesItem.setValue(choice);
    await updateSettings({ dashboardOrigin: 'https://dashboard.example' });
    await vi.waitFor(() => expect(heard.mock.calls.map(([change]) => change)).toEqual(['tenant', 'tenant', 'dashboard']));
    stop();
    await privateTenantChoicesItem.setValue({});
    expect(heard).toHaveBeenCalledTimes(3);
  });

  it("pinned to a dashboard: hears that dashboard's people, tenants and place in the list, never another one chosen", async () => {
    const [A, B] = ['http://localhost:9001', 'http://localhost:9002'];
    await updateSettings({ dashboards: [{ name: 'Produção', origin: A }, { name: 'Homologação', origin: B }], dashboardOrigin: A });
    const heard = vi.fn();
    const stop = followBillingContext(heard, { dashboard: B });
    const session = (token: string) => ({ token, expiresAt: null, person: null, currentTenant: null, pageRole: null });
    // Each of these is about A alone, or chooses another dashboard: nothing B's page shows changes.
    await updateSettings({ dashboardOrigin: B });
    await updateSettings({ dashboardOrigin: A });
    await sessionsItem.setValue({ [A]: { default: session('a') } });
    await tenantChoicesItem.setValue({ [`${A} belgo_admin`]: { chosen: ['BELGO-002'], active: 'BELGO-002' } });
    // Then B's own: a sign-in, a tenant switched in a private window, B removed from the list.
    await sessionsItem.setValue({ [A]: { default: session('a') }, [B]: { default: session('b') } });
    await privateTenantChoicesItem.setValue({ [`${B} tech_admin`]: { chosen: ['TECH-001'], active: 'TECH-001' } });
    await updateSettings({ dashboards: [{ name: 'Produção', origin: A }] });
    await vi.waitFor(() => expect(heard.mock.calls.map(([change]) => change)).toEqual(['person', 'tenant', 'dashboard']));
    stop();
  });
});
