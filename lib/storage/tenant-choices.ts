/**
 * Which tenants each person has chosen, per dashboard origin and username (`personKey`): a
 * second person on a shared browser profile starts clean. Kept in storage.local, which every
 * context may watch: that is how a tenant switch reaches open tabs live.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { isPrivate, type Place } from '@/lib/dashboard/place';
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

/**
 * A private window's choices: in storage.session, forgotten when its last window closes
 * (lib/background/session/private-store.ts). Written to storage.local, they would tell the
 * profile who used which dashboard in a private window, and outlive it.
 */
export const privateTenantChoicesItem = defineStoredItem('session:privateTenantChoices', {
  schema: z.record(z.string(), personTenantsSchema),
  fallback: {},
});

/** Where a place's people keep their choices: containers share the profile's, as the same person is. */
export const tenantChoicesItemFor = (place: Place): typeof tenantChoicesItem =>
  isPrivate(place) ? privateTenantChoicesItem : tenantChoicesItem;

export const personKey = (origin: string, person: string): string => `${origin} ${person}`;

/**
 * Versions before per-person tenants kept one active tenant per origin for the whole profile,
 * under `activeTenants`: the background drops it at start-up.
 */
export function dropProfileWideTenants(): Promise<void> {
  return browser.storage.local.remove(['activeTenants', 'activeTenants$']);
}
