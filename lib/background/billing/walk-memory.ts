/**
 * What the family walk learnt per place (origin and cookie store), kept for the next walk
 * (lib/storage/billing-cache.ts): the families dropped (family-policy.ts rule 2) and the family
 * that last answered. Forgotten with the person, so the next one probes every family again
 * (rule 6).
 */
import { placeKey, placeOfKey, type Place } from '@/lib/dashboard/place';
import { fetchSnapshot, type TenantRead } from '@/lib/background/billing/family-walk';
import type { Reader } from '@/lib/background/billing/cache-policy';
import { quietly } from '@/lib/background/billing/cache-store';
import { answeredFamilyItem, droppedFamiliesItem } from '@/lib/storage/billing-cache';

/** The walk down the families for the current month, starting from what the last walks at `place` learnt. */
export function walkRemembering(tenant: TenantRead, place: Place): Reader {
  const key = placeKey(place);
  return async (entryRead, signal) => {
    const [entry, dropped, answered] = await Promise.all([
      entryRead,
      droppedFamiliesItem.getValue().then((all) => all[key] ?? []),
      answeredFamilyItem.getValue().then((all) => all[key] ?? null),
    ]);
    const known = entry?.snapshot.family ?? answered;
    const walk = await fetchSnapshot(tenant, { known, dropped, signal });
    if (signal.aborted) return walk.result;
    if (walk.dropped.join() !== dropped.join()) {
      await quietly(droppedFamiliesItem.update((all) => ({ ...all, [key]: walk.dropped })));
    }
    const family = walk.result.ok ? walk.result.value.family : null;
    if (family && family !== answered) {
      await quietly(answeredFamilyItem.update((all) => ({ ...all, [key]: family })));
    }
    return walk.result;
  };
}

/** The places whose walks learnt something. */
export async function walkPlaces(): Promise<Place[]> {
  const [dropped, answered] = await Promise.all([droppedFamiliesItem.getValue(), answeredFamilyItem.getValue()]);
  return [...Object.keys(dropped), ...Object.keys(answered)].flatMap((key) => placeOfKey(key) ?? []);
}

export async function forgetWalks(place: Place): Promise<void> {
  const key = placeKey(place);
  await Promise.all([
    droppedFamiliesItem.update(({ [key]: _gone, ...others }) => others),
    answeredFamilyItem.update(({ [key]: _gone, ...others }) => others),
  ]);
}
