/**
 * The billing cache: snapshots per origin and tenant, and per past month (each month its own
 * entry beside the tenant's current one). In parts: when to answer from it and when to read the
 * host (./cache-policy.ts), the entries with their bound (./cache-store.ts), what the family
 * walk learnt (./walk-memory.ts) and the per-origin abort (./origin-abort.ts).
 */
import type { Result } from '@/lib/billing/model';
import type { Freshness } from '@/lib/protocol/replies';
import { fetchMonth, type MonthRead, type TenantRead } from '@/lib/background/billing/family-walk';
import { answer, forgetPending, type CachedAnswer } from '@/lib/background/billing/cache-policy';
import { forgetEntries, slotOf } from '@/lib/background/billing/cache-store';
import { forgetWalks, walkRemembering } from '@/lib/background/billing/walk-memory';
import { abortOrigin } from '@/lib/background/billing/origin-abort';

/** A tenant's figures, for a session, as fresh as `freshness` asks (`ttlMs`: how old is fresh). */
export interface BillingRequest extends TenantRead {
  freshness: Freshness;
  ttlMs: number;
}

export function getBilling(request: BillingRequest): Promise<Result<CachedAnswer>> {
  return answer({ ...request, slot: slotOf(request.origin, request.tenantId), read: walkRemembering(request) });
}

/** A past month, from the family that gave `current` (one cached from another family is read again). */
export function getBillingMonth(request: BillingRequest & MonthRead): Promise<Result<CachedAnswer>> {
  return answer({
    ...request,
    slot: slotOf(request.origin, request.tenantId, request.month),
    read: (_entry, signal) => fetchMonth(request, signal),
    usable: (entry) => entry.snapshot.family === request.current.family,
  });
}

/** Sign-out or a new person: abort what is in flight and drop everything known of that origin. */
export async function forgetOrigin(origin: string): Promise<void> {
  abortOrigin(origin);
  forgetPending(origin);
  // The next person (or the same one, signed in afresh) probes every family again.
  await Promise.all([forgetEntries(origin), forgetWalks(origin)]);
}
