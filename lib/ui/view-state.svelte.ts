/**
 * What a billing UI shows (the in-page entry and modal, the popup, the full page): figures,
 * error, refresh. Replies are applied only if they answer the latest request: a tenant switch
 * that races a fetch never shows the old tenant's figures under the new name. After a failed
 * refresh it asks again when the background says it will try (its backoff, or the host's
 * Retry-After): every open surface asks at that moment, and they share one request.
 */
import { WITHDRAWS_FIGURES, type BillingError, type Result, type Usage } from '@/lib/billing/model';
import type { Access, BillingView, Freshness } from '@/lib/protocol/replies';
import { ask } from '@/lib/protocol/ask';
import { addMonths } from '@/lib/billing/month';
import { MonthFigures } from '@/lib/ui/month-figures.svelte';
import { Latest } from '@/lib/ui/latest';

export type ModalState =
  | { kind: 'loading' }
  | { kind: 'error'; error: BillingError }
  | { kind: 'ready'; view: BillingView; refreshing: boolean };

export class BillingViewState {
  access = $state<Access | null>(null);
  view = $state<BillingView | null>(null);
  error = $state<BillingError | null>(null);
  refreshing = $state(false);
  dark = $state(false);
  /** Past months of the view's tenant, asked for by wantMonths(). */
  readonly months: MonthFigures;
  /** Ask for the month before the view's whenever a view arrives (the modal's comparison). */
  tracksLastMonth = false;
  /** Billing reads: only the latest one is painted. */
  #reads = new Latest();
  /** Tenant choices and resets: a choice answered after another person or tenant came is dropped. */
  #choices = new Latest();
  #retry: ReturnType<typeof setTimeout> | undefined;
  /** The cached read on its way, if any: a second one (the click on an entry whose figures are still coming) joins it. */
  #cachedRead: Promise<void> | null = null;

  /**
   * A tenant asked for by name (the full page's), or none to follow the person's active tenant;
   * `dashboard`: one of the person's dashboards by origin (a full page opened for it), or none
   * for the chosen one (an extension page) or the tab's own (the overlay).
   */
  constructor(
    public tenantId?: string,
    readonly dashboard?: string,
  ) {
    this.months = new MonthFigures(dashboard);
  }

  readonly modal: ModalState = $derived(
    this.view
      ? { kind: 'ready', view: this.view, refreshing: this.refreshing }
      : this.error
        ? { kind: 'error', error: this.error }
        : { kind: 'loading' },
  );

  get canSeeBilling(): boolean {
    return this.access?.canSeeBilling === true;
  }

  /** The month before the view's ("YYYY-MM"), or null where the view is no calendar month. */
  get lastMonth(): string | null {
    const month = this.view?.snapshot.usage.month;
    return month ? addMonths(month, -1) : null;
  }

  /** A month's usage: the view's own for its month, else as answered (undefined while loading). */
  usageOf(month: string): Result<Usage> | undefined {
    const usage = this.view?.snapshot.usage;
    if (usage?.month === month) return { ok: true, value: usage };
    return this.months.byMonth[month];
  }

  /** Asks the host again for the months that failed (a person's own refresh). */
  retryFailedMonths(): void {
    if (this.view) this.months.retryFailed(this.view.tenant.id);
  }

  /** Asks for these months of the view's tenant (its own month is already in the view). */
  wantMonths(months: readonly string[]): void {
    const view = this.view;
    if (!view) return;
    this.months.want(view.tenant.id, months.filter((month) => month !== view.snapshot.usage.month));
  }

  /** Forget the figures (new tenant, new person): the UI shows "loading", never stale numbers. */
  reset(): void {
    this.stop();
    this.#reads.next();
    this.#choices.next();
    this.months.reset();
    this.#cachedRead = null;
    this.view = null;
    this.error = null;
    this.refreshing = false;
  }

  /** No more automatic retries (the UI is going away, or starting over). */
  stop(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
  }

  #retryAt(at: number | null | undefined): void {
    this.stop();
    if (typeof at !== 'number') return;
    // A little after the time, so the background's own clock has passed it too.
    this.#retry = setTimeout(() => void this.load('fresh'), Math.max(0, at - Date.now()) + 250);
  }

  /**
   * The person confirms which tenant is theirs (the host could not say): remembered by the
   * background, then that tenant's figures load. Resolves to the reason when it was refused.
   */
  async choose(tenantId: string): Promise<BillingError | null> {
    const current = this.#choices.next();
    const reply = await ask({ op: 'tenant.choose', tenantId }, this.dashboard);
    if (!current()) return null;
    if (!reply.ok) return reply.error;
    this.reset();
    await this.load('cached');
    return null;
  }

  load(freshness: Freshness): Promise<void> {
    if (freshness !== 'cached') return this.#ask(freshness);
    if (this.#cachedRead) return this.#cachedRead;
    const read = this.#ask(freshness).finally(() => {
      if (this.#cachedRead === read) this.#cachedRead = null;
    });
    this.#cachedRead = read;
    return read;
  }

  async #ask(freshness: Freshness): Promise<void> {
    this.stop();
    const current = this.#reads.next();
    // Cached figures answer at once: that is no refresh (a stale answer starts one below).
    this.refreshing = this.view !== null && freshness !== 'cached';
    // With no figures, a new attempt (Retry, opening the modal) shows loading, not the last
    // error: an error on screen always answers the latest request.
    if (!this.view) this.error = null;
    const reply = await ask({ op: 'billing.get', freshness, ...(this.tenantId && { tenantId: this.tenantId }) }, this.dashboard);
    if (!current()) return;
    this.refreshing = false;
    if (reply.ok) {
      this.view = reply.value;
      this.error = null;
      if (this.tracksLastMonth && this.lastMonth) this.wantMonths([this.lastMonth]);
      this.#retryAt(reply.value.retryAt);
      // Cached figures were painted at once; now fetch fresh ones quietly behind them.
      if (reply.value.stale && freshness === 'cached') void this.load('fresh');
      return;
    }
    this.error = reply.error;
    if (reply.error.kind === 'server') this.#retryAt(reply.error.retryAt);
    // Figures the person may no longer see (signed out, refused, or no tenant confirmed) go.
    if (WITHDRAWS_FIGURES.has(reply.error.kind)) this.view = null;
  }
}
