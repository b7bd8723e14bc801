/**
 * The tenants a person may look at on a dashboard: those /api/user/tenants lists, the ids
 * support staff typed in the options page, and the page's own current tenant (the login
 * page's token lists none). Only these ids are ever sent to the host: the host does not check
 * that a billing request's tenant belongs to the caller, so we must.
 */
import type { TenantList, TenantRef } from '../protocol';
import { TENANT_ID_PATTERN } from '../protocol';
import { identityEndpoints } from '../api/endpoints';
import { hostFetch } from '../api/host-fetch';
import { parseUserTenants } from '../host/normalize';
import { activeTenantsItem, settingsItem } from '../settings';
import { PerPerson } from './per-person';
import type { StoredSession } from './session-store';

interface Listed {
  tenants: TenantRef[];
  current: string | null;
}

/** Listings per origin and token, kept as promises so concurrent askers share one request. */
const listed = new PerPerson<Promise<Listed>>();

async function fetchListing(origin: string, session: StoredSession): Promise<{ value: Listed; ok: boolean }> {
  const result = await hostFetch(identityEndpoints.tenants(origin), { token: session.token });
  const parsed = result.ok ? parseUserTenants(result.json) : null;
  if (!parsed?.ok) return { value: { tenants: [], current: null }, ok: false };
  const tenants = parsed.data.tenants.map(({ id, name, color }) => ({ id, name, color }));
  return { value: { tenants, current: parsed.data.current }, ok: true };
}

function listFromHost(origin: string, session: StoredSession): Promise<Listed> {
  const cached = listed.get(origin, session.token);
  if (cached) return cached;
  const listing = fetchListing(origin, session).then(({ value, ok }) => {
    // A failed listing is not kept, so the next request asks again.
    if (!ok) listed.deleteIf(origin, session.token, listing);
    return value;
  });
  listed.set(origin, session.token, listing);
  return listing;
}

function addTenant(list: TenantRef[], id: string | null): void {
  if (id && TENANT_ID_PATTERN.test(id) && !list.some((t) => t.id === id)) list.push({ id, name: id, color: null });
}

export async function tenantsFor(origin: string, session: StoredSession): Promise<TenantList> {
  const [fromHost, settings, active] = await Promise.all([
    listFromHost(origin, session),
    settingsItem.getValue(),
    activeTenantsItem.getValue(),
  ]);
  const tenants = [...fromHost.tenants];
  addTenant(tenants, fromHost.current);
  addTenant(tenants, session.currentTenant);
  for (const id of settings.extraTenantIds) addTenant(tenants, id);
  const preferred = [active[origin], fromHost.current, session.currentTenant, tenants[0]?.id];
  const activeId = preferred.find((id) => id && tenants.some((t) => t.id === id)) ?? null;
  return { origin, tenants, activeId };
}

export async function selectTenant(origin: string, session: StoredSession, tenantId: string): Promise<TenantList | null> {
  const list = await tenantsFor(origin, session);
  if (!list.tenants.some((t) => t.id === tenantId)) return null;
  const active = await activeTenantsItem.getValue();
  await activeTenantsItem.setValue({ ...active, [origin]: tenantId });
  return { ...list, activeId: tenantId };
}

export function forgetTenants(origin: string): void {
  listed.forget(origin);
}
