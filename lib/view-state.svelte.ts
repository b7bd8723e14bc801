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

  /** A tenant asked for by name (the full page's), or none to follow the person's active tenant. */
  constructor(public tenantId?: string) {}

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

  /**
   * The person confirms which tenant is theirs (the host could not say): remembered by the
   * background, then that tenant's figures load. Resolves to the reason when it was refused.
   */
  async choose(tenantId: string): Promise<BillingError | null> {
    const reply = await ask({ op: 'tenant.choose', tenantId });
    if (!reply.ok) return reply.error;
    this.reset();
    await this.load('cached');
    return null;
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
    // Figures the person may no longer see (signed out, refused, or no tenant confirmed) go.
    if (reply.error.kind === 'signedOut' || reply.error.kind === 'noAccess' || reply.error.kind === 'tenantUnconfirmed') this.view = null;
  }
}
