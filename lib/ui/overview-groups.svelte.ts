/**
 * The tenants overview's groups (billing.html#overview): with two or more dashboards, one per
 * dashboard in the person's list order, each loading its own tenants from that dashboard alone
 * (TenantRows with its origin); with one, a single group that follows the chosen dashboard, as
 * before there were several. Kept by origin across list changes: a dashboard added starts
 * loading, one removed stops, the others keep their figures; a rename only renames.
 */
import { untrack } from 'svelte';
import type { Dashboard } from '@/lib/storage/settings-shape';
import { TenantRows } from '@/lib/ui/tenant-rows.svelte';

export interface OverviewGroup {
  /** The dashboard the group shows; undefined where the person has none listed. */
  dashboard: Dashboard | undefined;
  /** Its tenants: `tenants.dashboard` is its origin, or undefined for the chosen dashboard's. */
  tenants: TenantRows;
}

interface Running {
  tenants: TenantRows;
  stop?: () => void;
}

/** The key of the single group that follows the chosen dashboard. */
const CHOSEN = '';

export class OverviewGroups {
  groups = $state.raw<OverviewGroup[]>([]);
  // Bookkeeping, never rendered.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #running = new Map<string, Running>();
  #started = false;

  /** Whether each group is one dashboard of several (its rows then name their dashboard). */
  get several(): boolean {
    return this.groups.length > 1;
  }

  /** Follows the person's list (dashboardsOf: the chosen one always in it). */
  sync(dashboards: readonly Dashboard[]): void {
    untrack(() => {
      const wanted: [string, Dashboard | undefined][] = dashboards.length > 1 ? dashboards.map((d) => [d.origin, d]) : [[CHOSEN, dashboards[0]]];
      for (const [key, running] of this.#running) {
        if (wanted.some(([origin]) => origin === key)) continue;
        running.stop?.();
        this.#running.delete(key);
      }
      this.groups = wanted.map(([key, dashboard]) => {
        let running = this.#running.get(key);
        if (!running) {
          running = { tenants: new TenantRows(key === CHOSEN ? {} : { dashboard: key }) };
          if (this.#started) running.stop = running.tenants.start();
          this.#running.set(key, running);
        }
        return { dashboard, tenants: running.tenants };
      });
    });
  }

  /** Every group loads and follows its dashboard; returns the way to stop them all. */
  start(): () => void {
    this.#started = true;
    for (const running of this.#running.values()) running.stop ??= running.tenants.start();
    return () => {
      this.#started = false;
      for (const running of this.#running.values()) {
        running.stop?.();
        delete running.stop;
      }
    };
  }

  /** Every group's tenants again, from the host. */
  refresh(): void {
    for (const { tenants } of this.groups) tenants.refresh();
  }
}
