/**
 * One AbortController per place (a dashboard origin and a cookie store): a sign-out (or another
 * person) there aborts everything that place has in flight, and what starts afterwards gets a
 * fresh one. Other containers and windows on the same dashboard keep theirs.
 */
import { placeKey, type Place } from '@/lib/dashboard/place';

const controllers = new Map<string, AbortController>();

/** The signal of what starts now for `place`; take it before any await, so an abort from then on counts. */
export function signalFor(place: Place): AbortSignal {
  const key = placeKey(place);
  let controller = controllers.get(key);
  if (!controller || controller.signal.aborted) {
    controller = new AbortController();
    controllers.set(key, controller);
  }
  return controller.signal;
}

export function abortPlace(place: Place): void {
  const key = placeKey(place);
  controllers.get(key)?.abort();
  controllers.delete(key);
}
