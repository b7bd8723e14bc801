/**
 * What the BillingModal tests share: BELGO-001's view as the admin v1 family reports it
 * (samples/v1-admin-usage.admin-v1-token.json), its invoices, and the modal rendered with it.
 */
import { vi } from 'vitest';
import { render } from '@testing-library/svelte';
import BillingModal from '@/components/overlay/BillingModal.svelte';
import type { BillingError, Invoice, InvoiceList, Result } from '@/lib/billing/model';
import type { BillingView } from '@/lib/protocol/replies';
import { brl, usage } from '@/tests/support/usage';

export function invoice(n: number, over: Partial<Invoice> = {}): Invoice {
  return {
    id: `INV-2026${String(n).padStart(2, '0')}-BELGO`,
    number: `FAT-2026-${String(n).padStart(4, '0')}`,
    period: `2026-${String(n).padStart(2, '0')}`,
    total: brl(20000 + n),
    status: 'paid',
    rawStatus: 'paid',
    dueDate: null,
    paidAt: null,
    ...over,
  };
}

/** An invoice list that loaded, every row readable unless said. */
export const listed = (invoices: Invoice[], unreadable = 0): Result<InvoiceList> => ({ ok: true, value: { invoices, unreadable } });

/** November 2026 of BELGO-001, fetched two minutes ago, with seven invoices of every status. */
export function belgoView(
  over: { invoices?: Result<InvoiceList>; stale?: boolean; refreshError?: BillingError | null; simulated?: boolean } = {},
): BillingView {
  return {
    tenant: { id: 'BELGO-001', name: 'Belgo Arames', color: null, source: 'host' },
    stale: over.stale ?? false,
    refreshError: over.refreshError ?? null,
    retryAt: null,
    snapshot: {
      origin: 'http://localhost:9001',
      tenantId: 'BELGO-001',
      family: over.simulated ? 'panel' : 'adminV1',
      simulated: over.simulated ?? false,
      fetchedAt: Date.now() - 2 * 60_000,
      usage: usage({
        period: '2026-11',
        month: '2026-11',
        metrics: { apiCalls: 15420, tokensTotal: 1_050_000, tokensIn: 660_000, tokensOut: 390_000, storageMb: 850, computeMinutes: 120 },
      }),
      invoices: over.invoices ?? listed([
          invoice(11, { status: 'pending', rawStatus: 'pending', period: 'November 2026', total: brl(20000) }),
          invoice(10, { status: 'paid', rawStatus: 'paid', period: 'October 2026', total: brl(23650) }),
          invoice(9, { status: 'overdue', rawStatus: 'overdue' }),
          invoice(8, { status: 'other', rawStatus: 'em_analise' }),
          invoice(7, { status: 'void', rawStatus: 'cancelled' }),
          invoice(6),
          invoice(5),
        ]),
      projections: { ok: false, error: { kind: 'notAvailable' } },
      timeline: { ok: false, error: { kind: 'notAvailable' } },
    },
  };
}

type ModalProps = Parameters<typeof render<typeof BillingModal>>[1];

/**
 * Renders the modal in `state` for Belgo Arames in pt-BR, every callback a mock (`extra`
 * replaces any prop), into `target` if given; returns its props beside the result.
 */
export function renderModal(state: unknown, extra: Record<string, unknown> = {}, target?: HTMLElement) {
  const props = {
    tenantName: 'Belgo Arames',
    state,
    dark: false,
    locale: 'pt-BR',
    onretry: vi.fn(),
    onchoose: vi.fn(async () => null),
    onrefresh: vi.fn(),
    onclose: vi.fn(),
    onopenfull: vi.fn(),
    ...extra,
  };
  const result = render(BillingModal, { props, ...(target && { target }) } as ModalProps);
  return { ...result, props };
}
