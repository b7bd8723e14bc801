/**
 * Only the latest answer is painted. A UI that awaits the background takes a ticket before it
 * asks and checks it after every await: a later ask, or a change of person, tenant or
 * dashboard (which takes a ticket of its own), makes every earlier ticket stale.
 */
export class Latest {
  #latest = 0;

  /** A new ticket: true while nothing took one after it. */
  next(): () => boolean {
    const mine = ++this.#latest;
    return () => mine === this.#latest;
  }
}
