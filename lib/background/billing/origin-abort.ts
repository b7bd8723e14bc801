/**
 * One AbortController per origin: a sign-out (or another person) aborts everything that origin
 * has in flight, and what starts afterwards gets a fresh one.
 */
const controllers = new Map<string, AbortController>();

/** The signal of what starts now for `origin`; take it before any await, so an abort from then on counts. */
export function signalFor(origin: string): AbortSignal {
  let controller = controllers.get(origin);
  if (!controller || controller.signal.aborted) {
    controller = new AbortController();
    controllers.set(origin, controller);
  }
  return controller.signal;
}

export function abortOrigin(origin: string): void {
  controllers.get(origin)?.abort();
  controllers.delete(origin);
}
