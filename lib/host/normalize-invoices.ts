/** Invoice lists of the panel and tenant v1 families → the model's `Invoice[]`. */
import type { Invoice, InvoiceStatus } from '../model';
import { currencyOrDefault } from './currency';
import { reaisToMoney } from './normalize-usage';
import { clip, clipOrNull, MAX_ITEMS, parseWith, type Result } from './result';
import { PanelInvoicesSchema, TenantV1InvoicesSchema } from './schemas';

const STATUS_WORDS: Record<string, InvoiceStatus> = {
  paid: 'paid',
  pago: 'paid',
  paga: 'paid',
  settled: 'paid',
  pending: 'pending',
  open: 'pending',
  pendente: 'pending',
  issued: 'pending',
  overdue: 'overdue',
  past_due: 'overdue',
  vencida: 'overdue',
  atrasada: 'overdue',
  draft: 'draft',
  rascunho: 'draft',
  void: 'void',
  cancelled: 'void',
  canceled: 'void',
  cancelada: 'void',
};

/** Maps the host's status words (English or Portuguese, any case) onto the model's set. */
export function normalizeStatus(raw: string): InvoiceStatus {
  if (typeof raw !== 'string' || raw.length > 40) return 'other';
  const word = raw.trim().toLowerCase();
  return Object.hasOwn(STATUS_WORDS, word) ? (STATUS_WORDS[word] ?? 'other') : 'other';
}

function statusFields(raw: string | null | undefined): { status: InvoiceStatus; rawStatus: string } {
  const text = raw ?? '';
  return { status: normalizeStatus(text), rawStatus: clip(text) };
}

/**
 * Panel `GET /api/billing/invoices`: float reais in `amount`, currency per invoice, no invoice
 * number (the number falls back to the id).
 */
export function normalizePanelInvoices(json: unknown): Result<Invoice[]> {
  return parseWith('invoices', PanelInvoicesSchema, json, (body) =>
    body.invoices.slice(0, MAX_ITEMS).map(
      (inv): Invoice => ({
        id: clip(inv.invoice_id),
        number: clip(inv.invoice_number ?? inv.invoice_id),
        period: clip(inv.period ?? ''),
        total: reaisToMoney(inv.amount, currencyOrDefault(inv.currency)),
        ...statusFields(inv.status),
        dueDate: clipOrNull(inv.due_date),
        paidAt: clipOrNull(inv.paid_at),
      }),
    ),
  );
}

/**
 * Tenant v1 `GET /api/v1/billing/invoices`: integer cents in `total_cents`. Returns the page's
 * invoices plus the host's `total` (all invoices across pages; the page length if absent).
 */
export function normalizeTenantV1Invoices(
  json: unknown,
): Result<{ invoices: Invoice[]; total: number }> {
  return parseWith('invoices', TenantV1InvoicesSchema, json, (body) => {
    const invoices = body.invoices.slice(0, MAX_ITEMS).map(
      (inv): Invoice => ({
        id: clip(inv.invoice_id),
        number: clip(inv.invoice_number ?? inv.invoice_id),
        period: clip(inv.period ?? ''),
        total: { cents: inv.total_cents, currency: currencyOrDefault(inv.currency) },
        ...statusFields(inv.status),
        dueDate: clipOrNull(inv.due_date),
        paidAt: clipOrNull(inv.paid_at),
      }),
    );
    return { invoices, total: body.total ?? body.invoices.length };
  });
}
