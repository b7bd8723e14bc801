/**
 * The figures a surface asks for: only for a person the host lets see billing and a tenant with
 * evidence (../session/tenants.ts), from the cache (./cache.ts). The badge asks here too.
 */
import { fail, WITHDRAWS_FIGURES, type BillingError, type Result } from '@/lib/billing/model';
import type { BillingView, Request } from '@/lib/protocol/replies';
import { NORMAL_STORE, type Place } from '@/lib/dashboard/place';
import { settingsItem } from '@/lib/storage/settings';
import { decodeJwtClaims, roleCanSeeBilling } from '@/lib/host/normalize';
import { forgetShownView, rememberShownView } from '@/lib/storage/shown-view';
import { getBilling, getBillingMonth } from '@/lib/background/billing/cache';
import type { CachedAnswer } from '@/lib/background/billing/cache-policy';
import { billingSession } from '@/lib/background/session/session';
import type { StoredSession } from '@/lib/background/session/store';
import { activeTenantBeforeListing, tenantsFor } from '@/lib/background/session/tenants';

/** Hears every current month's answer, for any tenant: the alerts (entrypoints/background.ts). */
let onCurrentMonth: ((place: Place, token: string, view: BillingView) => void) | undefined;
export const hearCurrentMonth = (listener: typeof onCurrentMonth): void => void (onCurrentMonth = listener);

/**
 * Billing at a place for the tenant the request names, or the person's active one; for a month
 * if it names one. A bare origin means its normal store (the options page's connection check).
 */
export async function billing(at: Place | string, request: Extract<Request, { op: 'billing.get' }>): Promise<Result<BillingView>> {
  const place = typeof at === 'string' ? { origin: at, store: NORMAL_STORE } : at;
  // Read alongside the session check: every storage read is a round trip on the way to the host.
  const settings = settingsItem.getValue();
  const gate = await billingSession(place);
  if (!gate.ok) return withdrawing(place, gate);
  const list = await tenantsFor(place, gate.value);
  // Nothing vouches for a tenant of this person: they confirm one before anything is fetched.
  if (list.tenants.length === 0) return withdrawing(place, fail({ kind: 'tenantUnconfirmed', hint: list.hint }));
  const tenantId = request.tenantId ?? list.activeId;
  const tenant = list.tenants.find((t) => t.id === tenantId);
  // Only tenants with evidence ever reach a URL.
  if (!tenant) return fail({ kind: 'noAccess' });
  const ask = { ...place, tenantId: tenant.id, token: gate.value.token, ttlMs: (await settings).refreshMinutes * 60_000 };
  const active = tenant.id === list.activeId;
  const viewOf = (answer: Result<CachedAnswer>): Result<BillingView> => (answer.ok ? { ok: true, value: { tenant, ...answer.value } } : answer);
  const { month, freshness } = request;
  // A past month is read from the family that gave the current one, so that one comes first.
  const current = await getBilling({ ...ask, freshness: month ? 'cached' : freshness });
  if (!current.ok) return active ? withdrawing(place, current) : current;
  if (!month || month === current.value.snapshot.usage.month) {
    const answer = !month || freshness === 'cached' ? current : await getBilling({ ...ask, freshness });
    const reply = viewOf(answer);
    if (reply.ok) onCurrentMonth?.(place, gate.value.token, reply.value);
    // The popup paints these at once next time it opens (lib/storage/shown-view.ts): the chosen
    // dashboard's only, or asking about the others (the switcher, the overview) would replace them.
    if (reply.ok && active && place.origin === (await settings).dashboardOrigin) void rememberShownView(place, gate.value.person, reply.value);
    return reply;
  }
  return viewOf(await getBillingMonth({ ...ask, freshness, month, current: current.value.snapshot }));
}

/**
 * The figures, fetched beside the access check instead of after it, when the token's own role
 * claim says billing and the person's tenant is known without the host's listing; that saves
 * a round trip on the way to the first figures. Only into the cache: billing() still answers
 * nobody before the access check says yes, and an unconfirmed tenant is never fetched.
 */
export async function prefetchBilling(place: Place, session: StoredSession): Promise<void> {
  const role = decodeJwtClaims(session.token)?.role;
  if (!role || !roleCanSeeBilling(role)) return;
  const [tenantId, { refreshMinutes }] = await Promise.all([activeTenantBeforeListing(place, session), settingsItem.getValue()]);
  if (!tenantId) return;
  await getBilling({ ...place, tenantId, token: session.token, freshness: 'cached', ttlMs: refreshMinutes * 60_000 });
}

/** An error after which the person may not see the figures they were shown: the popup must not paint them. */
function withdrawing<E extends { ok: false; error: BillingError }>(place: Place, reply: E): E {
  if (WITHDRAWS_FIGURES.has(reply.error.kind)) void forgetShownView(place);
  return reply;
}
