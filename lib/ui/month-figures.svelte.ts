/**
 * Past months of one tenant, as the UIs ask for them (the modal's "vs last month", the full
 * page's months and trend): each month asked once and kept until the tenant or person changes;
 * cached months paint at once and are refreshed behind, as the current one is. Replies for a
 * tenant or month other than the one asked for (a switch raced them) are dropped.
 */
import type { Result, Usage } from '@/lib/billing/model';
import type { Freshness } from '@/lib/protocol/replies';
import { ask } from '@/lib/protocol/ask';

export class MonthFigures {
  /** What each month asked for answered: its usage, or why not. Absent while it loads. */
  byMonth = $state<Record<string, Result<Usage>>>({});
  // Bookkeeping, never rendered: nothing needs to react to it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #asked = new Set<string>();
  #generation = 0;

  /** `dashboard`: the origin of the one of the person's dashboards asked about; none: as ask() decides. */
  constructor(readonly dashboard?: string) {}

  /** Forget every month (another tenant or person). */
  reset(): void {
    this.#generation++;
    this.#asked.clear();
    this.byMonth = {};
  }

  /** Asks for each month not asked for yet, for `tenantId`. */
  want(tenantId: string, months: readonly string[]): void {
    for (const month of months) {
      if (this.#asked.has(month)) continue;
      this.#asked.add(month);
      void this.#load(tenantId, month, 'cached');
    }
  }

  /** Asks again, from the host, for every month whose answer was a failure. */
  retryFailed(tenantId: string): void {
    for (const [month, answer] of Object.entries(this.byMonth)) {
      if (answer.ok) continue;
      delete this.byMonth[month];
      void this.#load(tenantId, month, 'force');
    }
  }

  async #load(tenantId: string, month: string, freshness: Freshness): Promise<void> {
    const generation = this.#generation;
    const reply = await ask({ op: 'billing.get', tenantId, month, freshness }, this.dashboard);
    if (generation !== this.#generation) return;
    if (!reply.ok) {
      this.byMonth[month] = reply;
      return;
    }
    const { snapshot, stale } = reply.value;
    if (snapshot.tenantId !== tenantId || snapshot.usage.month !== month) return;
    this.byMonth[month] = { ok: true, value: snapshot.usage };
    if (stale && freshness === 'cached') void this.#load(tenantId, month, 'fresh');
  }
}
