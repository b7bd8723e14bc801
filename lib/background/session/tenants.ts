/**
 * The tenants a person may look at on a dashboard, and only those: the host does not check
 * that a billing request's tenant belongs to the caller (admin v1 answers any id), so we must.
 * Evidence, strongest first: the tenants /api/user/tenants lists for this person; the tenants
 * their token's claims name; the tenants the person chose in the extension. The page's
 * `current_tenant` is no evidence (the login page writes BELGO-001 for everyone): it is only
 * offered as the suggestion when the person has to choose. Choices are kept per origin and
 * username, so the next person on a shared browser profile starts clean (a private window's
 * apart, for as long as it lives: lib/storage/tenant-choices.ts).
 */
import type { TenantList, TenantRef, TenantSource } from '@/lib/protocol/replies';
import { TENANT_ID_PATTERN } from '@/lib/billing/tenant-id';
import { identityEndpoints } from '@/lib/host/http/endpoints';
import { hostFetch } from '@/lib/host/http/fetch';
import { decodeJwtClaims, parseUserTenants } from '@/lib/host/normalize';
import type { Place } from '@/lib/dashboard/place';
import { personKey, tenantChoicesItemFor, type PersonTenants } from '@/lib/storage/tenant-choices';
import { PerSession } from '@/lib/background/session/per-session';
import type { StoredSession } from '@/lib/background/session/store';

interface Listed {
  tenants: TenantRef[];
  current: string | null;
}

/** Enough for support staff; a hostile page cannot grow storage without bound. */
const MAX_CHOSEN = 50;
const NO_CHOICES: PersonTenants = { chosen: [], active: null };

/** Listings per origin and token, kept as promises so concurrent askers share one request. */
const listed = new PerSession<Promise<Listed>>();

async function fetchListing(origin: string, session: StoredSession): Promise<{ value: Listed; ok: boolean }> {
  const result = await hostFetch(identityEndpoints.tenants(origin), { token: session.token });
  const parsed = result.ok ? parseUserTenants(result.value) : null;
  if (!parsed?.ok) return { value: { tenants: [], current: null }, ok: false };
  const tenants = parsed.value.tenants.map(({ id, name, color }): TenantRef => ({ id, name, color, source: 'host' }));
  return { value: { tenants, current: parsed.value.current }, ok: true };
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

function addTenant(list: TenantRef[], id: string | null | undefined, source: TenantSource): void {
  if (id && TENANT_ID_PATTERN.test(id) && !list.some((t) => t.id === id)) list.push({ id, name: id, color: null, source });
}

const validHint = (id: string | null): string | null => (id && TENANT_ID_PATTERN.test(id) ? id : null);

async function choicesOf(place: Place, session: StoredSession): Promise<PersonTenants> {
  if (!session.person) return NO_CHOICES;
  return (await tenantChoicesItemFor(place).getValue())[personKey(place.origin, session.person)] ?? NO_CHOICES;
}

/** The list from what the host listed, the token's claims and the person's own choices. */
function listOf(origin: string, session: StoredSession, fromHost: Listed, mine: PersonTenants): TenantList {
  const claims = decodeJwtClaims(session.token);
  const tenants = [...fromHost.tenants];
  addTenant(tenants, fromHost.current, 'host');
  addTenant(tenants, claims?.tenantId, 'token');
  for (const id of claims?.tenantIds ?? []) addTenant(tenants, id, 'token');
  for (const id of mine.chosen) addTenant(tenants, id, 'chosen');
  // The page's tenant may pick among tenants with evidence (the host's own switcher), never add one.
  const preferred = [mine.active, session.currentTenant, fromHost.current, claims?.tenantId, tenants[0]?.id];
  const activeId = preferred.find((id) => id && tenants.some((t) => t.id === id)) ?? null;
  const hint = tenants.length === 0 ? validHint(session.currentTenant) : null;
  return { origin, person: session.person, tenants, activeId, hint };
}

export async function tenantsFor(place: Place, session: StoredSession): Promise<TenantList> {
  const [fromHost, mine] = await Promise.all([listFromHost(place.origin, session), choicesOf(place, session)]);
  return listOf(place.origin, session, fromHost, mine);
}

/**
 * The active tenant as the token's claims and the person's own choices tell it, before the
 * host's listing has answered (null when only the listing could say): the figures may be
 * fetched for it while the listing is still on its way. Evidence as ever, just less of it.
 */
export async function activeTenantBeforeListing(place: Place, session: StoredSession): Promise<string | null> {
  return listOf(place.origin, session, { tenants: [], current: null }, await choicesOf(place, session)).activeId;
}

/** Through update(): two changes at once (two windows, two tabs) both stay. */
async function updateChoices(place: Place, session: StoredSession, change: (mine: PersonTenants) => PersonTenants): Promise<boolean> {
  if (!session.person) return false;
  const key = personKey(place.origin, session.person);
  await tenantChoicesItemFor(place).update((all) => ({ ...all, [key]: change(all[key] ?? NO_CHOICES) }));
  return true;
}

/** Switches to a tenant with evidence; null when the person has none such. */
export async function selectTenant(place: Place, session: StoredSession, tenantId: string): Promise<TenantList | null> {
  const list = await tenantsFor(place, session);
  if (!list.tenants.some((t) => t.id === tenantId)) return null;
  if (!(await updateChoices(place, session, (mine) => ({ ...mine, active: tenantId })))) return null;
  return { ...list, activeId: tenantId };
}

/** The person says `tenantId` is theirs: remembered for them, and made their active tenant. */
export async function chooseTenant(place: Place, session: StoredSession, tenantId: string): Promise<TenantList | null> {
  const saved = await updateChoices(place, session, (mine) => ({
    chosen: mine.chosen.includes(tenantId) ? mine.chosen : [...mine.chosen, tenantId].slice(-MAX_CHOSEN),
    active: tenantId,
  }));
  return saved ? tenantsFor(place, session) : null;
}

/** Takes back a tenant the person had chosen (tenants the host or the token vouch for stay). */
export async function forgetTenant(place: Place, session: StoredSession, tenantId: string): Promise<TenantList | null> {
  const saved = await updateChoices(place, session, (mine) => ({
    chosen: mine.chosen.filter((id) => id !== tenantId),
    active: mine.active === tenantId ? null : mine.active,
  }));
  return saved ? tenantsFor(place, session) : null;
}

export function forgetTenants(origin: string): void {
  listed.forget(origin);
}
