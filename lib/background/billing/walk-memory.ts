/**
 * What the family walk learnt per origin, kept for the next walk (lib/storage/billing-cache.ts):
 * the families dropped (family-policy.ts rule 2) and the family that last answered. Forgotten
 * with the person, so the next one probes every family again (rule 6).
 */
import { fetchSnapshot, type TenantRead } from '@/lib/background/billing/family-walk';
import type { Reader } from '@/lib/background/billing/cache-policy';
import { quietly } from '@/lib/background/billing/cache-store';
import { answeredFamilyItem, droppedFamiliesItem } from '@/lib/storage/billing-cache';

/** The walk down the families for the current month, starting from what the last walks learnt. */
export function walkRemembering(tenant: TenantRead): Reader {
  const { origin } = tenant;
  return async (entryRead, signal) => {
    const [entry, dropped, answered] = await Promise.all([
      entryRead,
      droppedFamiliesItem.getValue().then((all) => all[origin] ?? []),
      answeredFamilyItem.getValue().then((all) => all[origin] ?? null),
    ]);
    const known = entry?.snapshot.family ?? answered;
    const walk = await fetchSnapshot(tenant, { known, dropped, signal });
    if (signal.aborted) return walk.result;
    if (walk.dropped.join() !== dropped.join()) {
      await quietly(droppedFamiliesItem.update((all) => ({ ...all, [origin]: walk.dropped })));
    }
    const family = walk.result.ok ? walk.result.value.family : null;
    if (family && family !== answered) {
      await quietly(answeredFamilyItem.update((all) => ({ ...all, [origin]: family })));
    }
    return walk.result;
  };
}

export async function forgetWalks(origin: string): Promise<void> {
  await Promise.all([
    droppedFamiliesItem.update(({ [origin]: _gone, ...others }) => others),
    answeredFamilyItem.update(({ [origin]: _gone, ...others }) => others),
  ]);
}
