/**
 * At most MAX_IN_FLIGHT billing requests to one origin at a time: an overview of fifty tenants
 * must not fire two hundred requests at a host whose limiter counts per minute. The rest wait
 * in order of arrival; one whose signal fires (a sign-out) leaves the line without going out.
 * hostFetch takes a slot before it looks at the host's Retry-After (./hold.ts), so a request
 * that waited here sees a hold that began while it waited, and does not go out.
 */
export const MAX_IN_FLIGHT = 3;

interface Lane {
  busy: number;
  waiting: (() => void)[];
}

const lanes = new Map<string, Lane>();

/** Resolves with the slot's release once one is free for `origin`; rejects with the signal's reason if aborted first. */
export function slotFor(origin: string, signal?: AbortSignal): Promise<() => void> {
  let lane = lanes.get(origin);
  if (!lane) lanes.set(origin, (lane = { busy: 0, waiting: [] }));
  const line = lane;
  // A freed slot passes straight to the next in line, so a late arrival never jumps the queue.
  const release = (): void => {
    const next = line.waiting.shift();
    if (next) next();
    else line.busy--;
  };
  if (line.busy < MAX_IN_FLIGHT) {
    line.busy++;
    return Promise.resolve(release);
  }
  return new Promise((resolve, reject) => {
    const leave = (): void => {
      line.waiting.splice(line.waiting.indexOf(go), 1);
      reject(signal!.reason);
    };
    const go = (): void => {
      signal?.removeEventListener('abort', leave);
      resolve(release);
    };
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', leave, { once: true });
    line.waiting.push(go);
  });
}
