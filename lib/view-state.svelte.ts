/**
 * What a billing UI shows (the in-page entry and modal, the popup, the full page): figures,
 * error, refresh. Replies are applied only if they answer the latest request: a tenant switch
 * that races a fetch never shows the old tenant's figures under the new name.
 */
import type { BillingError } from './model';
import type { Access, BillingView, Freshness } from './protocol';
import { ask } from './messaging';

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
  #generation = 0;

  /** A fixed tenant (the full page's), or none to follow the person's active tenant. */
  constructor(private readonly tenantId?: string) {}

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

  /** Forget the figures (new tenant, new person): the UI shows "loading", never stale numbers. */
  reset(): void {
    this.#generation++;
    this.view = null;
    this.error = null;
    this.refreshing = false;
  }

  async load(freshness: Freshness): Promise<void> {
    const generation = ++this.#generation;
    this.refreshing = this.view !== null;
    // With no figures, a new attempt (Retry, opening the modal) shows loading, not the last
    // error: an error on screen always answers the latest request.
    if (!this.view) this.error = null;
    const reply = await ask({ op: 'billing.get', freshness, ...(this.tenantId && { tenantId: this.tenantId }) });
    if (generation !== this.#generation) return;
    this.refreshing = false;
    if (reply.ok) {
      this.view = reply.value;
      this.error = null;
      // Cached figures were painted at once; now fetch fresh ones quietly behind them.
      if (reply.value.stale && freshness === 'cached') void this.load('fresh');
      return;
    }
    this.error = reply.error;
    if (reply.error.kind === 'signedOut' || reply.error.kind === 'noAccess') this.view = null;
  }
}
