/**
 * The extension's pages hear every change of whose figures they show: a tenant switched in a
 * normal window or in a private one (kept apart, in storage.session), or a new dashboard address.
 */
import { describe, expect, it, vi } from 'vitest';
import { followBillingContext } from '@/lib/ui/follow-billing-context';
import { updateSettings } from '@/lib/storage/settings';
import { privateTenantChoicesItem, tenantChoicesItem } from '@/lib/storage/tenant-choices';

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
});
