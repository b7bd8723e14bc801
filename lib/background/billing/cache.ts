/**
 * The billing cache: snapshots per place (a dashboard origin and a cookie store) and tenant,
 * and per past month (each month its own entry beside the tenant's current one). In parts: when
 * to answer from it and when to read the host (./cache-policy.ts), the entries with their bound
 * (./cache-store.ts), what the family walk learnt (./walk-memory.ts) and the per-place abort
 * (./origin-abort.ts).
 */
import type { Result } from '@/lib/billing/model';
import type { Freshness } from '@/lib/protocol/replies';
import type { Place } from '@/lib/dashboard/place';
import { fetchMonth, type MonthRead, type TenantRead } from '@/lib/background/billing/family-walk';
import { answer, forgetPending, type CachedAnswer } from '@/lib/background/billing/cache-policy';
import { entryPlaces, forgetEntries, slotOf } from '@/lib/background/billing/cache-store';
import { forgetWalks, walkPlaces, walkRemembering } from '@/lib/background/billing/walk-memory';
import { abortPlace } from '@/lib/background/billing/origin-abort';

/** A tenant's figures, for a session at a place, as fresh as `freshness` asks (`ttlMs`: how old is fresh). */
export interface BillingRequest extends TenantRead {
  /** The session's cookie store (its origin is the read's). */
  store: string;
  freshness: Freshness;
  ttlMs: number;
}

const placeOf = ({ origin, store }: BillingRequest): Place => ({ origin, store });

export function getBilling(request: BillingRequest): Promise<Result<CachedAnswer>> {
  const place = placeOf(request);
  return answer({ ...request, slot: slotOf(place, request.tenantId), read: walkRemembering(request, place) });
}

/** A past month, from the family that gave `current` (one cached from another family is read again). */
export function getBillingMonth(request: BillingRequest & MonthRead): Promise<Result<CachedAnswer>> {
  return answer({
    ...request,
    slot: slotOf(placeOf(request), request.tenantId, request.month),
    read: (_entry, signal) => fetchMonth(request, signal),
    usable: (entry) => entry.snapshot.family === request.current.family,
  });
}

/** Sign-out or a new person: abort what is in flight and drop everything known of that place. */
export async function forgetCache(place: Place): Promise<void> {
  abortPlace(place);
  forgetPending(place);
  // The next person (or the same one, signed in afresh) probes every family again.
  await Promise.all([forgetEntries(place), forgetWalks(place)]);
}

/** The places with anything cached: their entries' use order and what their walks learnt. */
export async function cachedPlaces(): Promise<Place[]> {
  return (await Promise.all([entryPlaces(), walkPlaces()])).flat();
}
