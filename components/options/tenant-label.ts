import type { TenantRef } from '@/lib/protocol/replies';

/** A tenant as the options page names it: "Belgo Arames (BELGO-001)", or its id where that is its only name. */
export const tenantLabel = (tenant: Pick<TenantRef, 'id' | 'name'>): string =>
  tenant.name === tenant.id ? tenant.id : `${tenant.name} (${tenant.id})`;
