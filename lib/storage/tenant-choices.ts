/**
 * Which tenants each person has chosen, per dashboard origin and username (`personKey`): a
 * second person on a shared browser profile starts clean. Kept in storage.local, which every
 * context may watch: that is how a tenant switch reaches open tabs live.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { TENANT_CHOICES_KEY } from '@/lib/storage/settings-shape';
import { defineStoredItem } from '@/lib/storage/stored-item';

/** One person's own tenant choices on one dashboard. */
const personTenantsSchema = z.object({
  /** Tenants the person said are theirs (confirmed in a chooser or typed in the options page). */
  chosen: z.array(z.string()),
  /** The tenant the person last switched to, if any. */
  active: z.nullable(z.string()),
});

export type PersonTenants = z.infer<typeof personTenantsSchema>;

/** Choices that do not fit read as none: the tenants then come from the host and the token only. */
export const tenantChoicesItem = defineStoredItem(`local:${TENANT_CHOICES_KEY}`, {
  schema: z.record(z.string(), personTenantsSchema),
  fallback: {},
  version: 1,
});

export const personKey = (origin: string, person: string): string => `${origin} ${person}`;

/**
 * Versions before per-person tenants kept one active tenant per origin for the whole profile,
 * under `activeTenants`: the background drops it at start-up.
 */
export function dropProfileWideTenants(): Promise<void> {
  return browser.storage.local.remove(['activeTenants', 'activeTenants$']);
}
