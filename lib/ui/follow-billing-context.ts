/**
 * For the extension's own pages (popup, full page): what they show must always be the active
 * person's, for their active tenant, on the configured dashboard. `onChange` is called after
 * anything that may change that: a sign-in or sign-out on the dashboard, a tenant switched or
 * chosen (here or in another window), a new dashboard address. Returns the way to stop.
 */
import { watchSignIns } from '@/lib/storage/sessions';
import { settingsItem } from '@/lib/storage/settings';
import { privateTenantChoicesItem, tenantChoicesItem } from '@/lib/storage/tenant-choices';

export type ContextChange = 'person' | 'tenant' | 'dashboard';

export function followBillingContext(onChange: (change: ContextChange) => void): () => void {
  const stops = [
    watchSignIns(() => onChange('person')),
    // A private window's choices are kept apart (storage.session), and heard the same way.
    ...[tenantChoicesItem, privateTenantChoicesItem].map((item) => item.watch(() => onChange('tenant'))),
    settingsItem.watch((now, before) => {
      if (now.dashboardOrigin !== before.dashboardOrigin) onChange('dashboard');
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
