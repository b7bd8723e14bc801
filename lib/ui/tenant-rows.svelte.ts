/**
 * Every tenant the person may look at, each with its own figures (the popup's list, the full
 * page's overview). Asks `tenants.get`, then `billing.get` for each tenant and, once its month is
 * known, that month's predecessor (the change since last month): the requests one tenant's
 * modal needs, no more. Cached figures paint at once and are refreshed behind when stale; the
 * background keeps the host to a few requests at a time per origin. A tenant's failure stays in
 * its own row. Replies a person, tenant or dashboard change overtook are dropped.
 *
 * With `dashboard` (the overview's group for one of the person's dashboards), every question
 * names that dashboard's origin, and only its own people, tenants and place in the list count;
 * without, the chosen dashboard's (followed as the person chooses another).
 */
import { WITHDRAWS_FIGURES, type BillingError, type Result, type Usage } from '@/lib/billing/model';
import type { BillingView, Freshness, TenantList, TenantRef } from '@/lib/protocol/replies';
import { ask } from '@/lib/protocol/ask';
import { addMonths } from '@/lib/billing/month';
import { tenantBudget } from '@/lib/billing/budget';
import { tenantFigures, type RowState } from '@/lib/billing/tenant-overview';
import { settingsItem, type Settings } from '@/lib/storage/settings';
import { followBillingContext } from '@/lib/ui/follow-billing-context';
import { Latest } from '@/lib/ui/latest';

export interface TenantRow {
  tenant: TenantRef;
  /** The person's active tenant (the one the popup and the badge show). */
  active: boolean;
  state: RowState;
}

type Budgets = Pick<Settings, 'budgetCents' | 'budgetLevels' | 'tenantBudgets'>;
const NO_BUDGETS: Budgets = { budgetCents: null, budgetLevels: [], tenantBudgets: [] };

/** A copy of `record` with `key` set to `value` (or removed): raw state is replaced, never mutated. */
const withKey = <T>(record: Record<string, T>, key: string, value: T | undefined): Record<string, T> => {
  const next = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
};

export class TenantRows {
  list = $state<TenantList | null>(null);
  /** Why there is no list (signed out, no tenant confirmed, …); null while it loads or once it came. */
  listError = $state<BillingError | null>(null);
  // Raw: whole answers are replaced, never changed in place (no deep proxies over 50 snapshots).
  #answers = $state.raw<Record<string, Result<BillingView>>>({});
  /** Last month's answer per tenant, with the month it answers for. */
  #previous = $state.raw<Record<string, { month: string; answer: Result<Usage> }>>({});
  #refreshing = $state.raw<Record<string, boolean>>({});
  #budgets = $state.raw<Budgets>(NO_BUDGETS);
  /** Bumped by a change of person or dashboard: every earlier reply is dropped. */
  #generation = 0;
  #listReads = new Latest();
  // Bookkeeping, never rendered.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #reads = new Map<string, Latest>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The month whose predecessor was asked for, per tenant: asked once per month. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #comparedMonth = new Map<string, string>();

  /** Fewer tenants than this: no figures are fetched and there are no rows (the popup shows no list for one). */
  readonly #minTenants: number;
  /** The origin of the dashboard asked about; undefined: the chosen one. */
  readonly dashboard: string | undefined;

  constructor({ minTenants = 1, dashboard }: { minTenants?: number; dashboard?: string } = {}) {
    this.#minTenants = minTenants;
    this.dashboard = dashboard;
  }

  readonly rows: TenantRow[] = $derived(this.#enough(this.list) ? this.list.tenants.map((tenant) => this.#row(tenant, this.list!)) : []);

  #enough(list: TenantList | null): list is TenantList {
    return list !== null && list.tenants.length >= this.#minTenants;
  }

  #row(tenant: TenantRef, list: TenantList): TenantRow {
    const answer = this.#answers[tenant.id];
    const active = tenant.id === list.activeId;
    if (!answer) return { tenant, active, state: { kind: 'loading' } };
    if (!answer.ok) return { tenant, active, state: { kind: 'error', error: answer.error } };
    const { snapshot, stale } = answer.value;
    const budget = tenantBudget(this.#budgets, list.origin, tenant.id);
    const last = this.#previous[tenant.id];
    // Only the month before this one counts (a new month may have begun since it came).
    const previous = last && snapshot.usage.month && last.month === addMonths(snapshot.usage.month, -1) ? last.answer : undefined;
    const figures = tenantFigures({ snapshot, stale, previous, budget });
    return { tenant, active, state: { kind: 'ready', figures, refreshing: this.#refreshing[tenant.id] === true } };
  }

  /** Loads the list and every tenant's figures, then follows changes; returns the way to stop. */
  start(): () => void {
    void this.#loadList();
    const stops = [
      // Another person or dashboard: start over. A tenant chosen, forgotten or switched: the same
      // figures, so only the list is asked again (and the figures of a tenant new to it).
      followBillingContext(
        (change) => {
          if (change !== 'tenant') this.#reset();
          void this.#loadList();
        },
        { dashboard: this.dashboard },
      ),
      settingsItem.watch((now) => (this.#budgets = now)),
    ];
    return () => {
      stops.forEach((stop) => stop());
      this.#reset();
    };
  }

  /** A tenant's figures again, from the host (the row's Retry); its last month too if that failed. */
  retry(tenantId: string): void {
    void this.#loadTenant(tenantId, 'force');
    const previous = this.#previous[tenantId];
    const month = this.#monthOf(tenantId);
    if (previous && !previous.answer.ok && month) void this.#loadLastMonth(tenantId, month, 'force');
  }

  /** The person confirms a tenant of theirs (the host named none); the list then follows by itself. */
  async choose(tenantId: string): Promise<BillingError | null> {
    const reply = await ask({ op: 'tenant.choose', tenantId }, this.dashboard);
    return reply.ok ? null : reply.error;
  }

  /** The list again (after it failed: the person signed in, say), then any tenant not asked yet. */
  reload(): void {
    void this.#loadList();
  }

  /** Every tenant's figures again, from the host. */
  refresh(): void {
    for (const { tenant } of this.rows) this.retry(tenant.id);
  }

  #reset(): void {
    this.#generation++;
    this.#listReads.next();
    this.#reads.clear();
    this.#comparedMonth.clear();
    this.#timers.forEach((timer) => clearTimeout(timer));
    this.#timers.clear();
    this.list = null;
    this.listError = null;
    this.#answers = {};
    this.#previous = {};
    this.#refreshing = {};
  }

  async #loadList(): Promise<void> {
    const current = this.#listReads.next();
    const [reply, settings] = await Promise.all([ask({ op: 'tenants.get' }, this.dashboard), settingsItem.getValue()]);
    if (!current()) return;
    this.#budgets = settings;
    if (!reply.ok) {
      this.list = null;
      this.listError = reply.error;
      return;
    }
    this.listError = null;
    this.list = reply.value;
    if (!this.#enough(reply.value)) return;
    // A tenant asked for already (the list asked again after a switch) keeps its figures.
    for (const { id } of reply.value.tenants) if (!this.#reads.has(id)) void this.#loadTenant(id, 'cached');
  }

  #monthOf(tenantId: string): string | null {
    const answer = this.#answers[tenantId];
    return answer?.ok ? answer.value.snapshot.usage.month : null;
  }

  /** A ticket for one tenant's current-month read: true while no later read of it, nor a reset, came. */
  #ticket(tenantId: string): () => boolean {
    const reads = this.#reads.get(tenantId) ?? new Latest();
    this.#reads.set(tenantId, reads);
    const read = reads.next();
    const generation = this.#generation;
    return () => read() && generation === this.#generation;
  }

  async #loadTenant(tenantId: string, freshness: Freshness): Promise<void> {
    clearTimeout(this.#timers.get(tenantId));
    const current = this.#ticket(tenantId);
    const shown = this.#answers[tenantId];
    // With figures, a refresh runs behind them; without, the row shows loading, not the last error.
    if (shown?.ok) this.#refreshing = withKey(this.#refreshing, tenantId, freshness !== 'cached' || undefined);
    else if (shown) this.#answers = withKey(this.#answers, tenantId, undefined);
    const reply = await ask({ op: 'billing.get', tenantId, freshness }, this.dashboard);
    if (!current()) return;
    this.#refreshing = withKey(this.#refreshing, tenantId, undefined);
    if (reply.ok) {
      // Never another tenant's figures under this one's name.
      if (reply.value.snapshot.tenantId !== tenantId) return;
      this.#answers = withKey(this.#answers, tenantId, reply);
      const month = reply.value.snapshot.usage.month;
      if (month && this.#comparedMonth.get(tenantId) !== month) {
        this.#comparedMonth.set(tenantId, month);
        void this.#loadLastMonth(tenantId, month, 'cached');
      }
      this.#retryAt(tenantId, reply.value.retryAt);
      if (reply.value.stale && freshness === 'cached') void this.#loadTenant(tenantId, 'fresh');
      return;
    }
    // Figures already shown stay through a hiccup; they go when the host refused the person.
    if (!shown?.ok || WITHDRAWS_FIGURES.has(reply.error.kind)) this.#answers = withKey(this.#answers, tenantId, reply);
    if (reply.error.kind === 'server') this.#retryAt(tenantId, reply.error.retryAt);
  }

  /** After a failure, ask again when the background says it will try (its backoff, or Retry-After). */
  #retryAt(tenantId: string, at: number | null | undefined): void {
    clearTimeout(this.#timers.get(tenantId));
    this.#timers.delete(tenantId);
    if (typeof at !== 'number') return;
    // A little after the time, so the background's own clock has passed it too.
    this.#timers.set(tenantId, setTimeout(() => void this.#loadTenant(tenantId, 'fresh'), Math.max(0, at - Date.now()) + 250));
  }

  async #loadLastMonth(tenantId: string, month: string, freshness: Freshness): Promise<void> {
    const generation = this.#generation;
    const lastMonth = addMonths(month, -1);
    if (freshness !== 'cached') this.#previous = withKey(this.#previous, tenantId, undefined);
    const reply = await ask({ op: 'billing.get', tenantId, month: lastMonth, freshness }, this.dashboard);
    // Dropped when overtaken: a reset, or the tenant's month moved on (a new month began).
    if (generation !== this.#generation || this.#monthOf(tenantId) !== month) return;
    if (reply.ok) {
      const { snapshot, stale } = reply.value;
      if (snapshot.tenantId !== tenantId || snapshot.usage.month !== lastMonth) return;
      this.#previous = withKey(this.#previous, tenantId, { month: lastMonth, answer: { ok: true, value: snapshot.usage } });
      if (stale && freshness === 'cached') void this.#loadLastMonth(tenantId, month, 'fresh');
    } else this.#previous = withKey(this.#previous, tenantId, { month: lastMonth, answer: reply });
  }
}
