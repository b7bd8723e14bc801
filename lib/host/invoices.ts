/**
 * What the families' invoice lists share: the status words, and reading a list row by row. One
 * row the host got wrong is dropped and counted (the person is told how many), the rest stay;
 * when no row at all can be read the shape has changed, and the list fails with the first
 * row's reason.
 */
import { z, type ZodMiniType } from 'zod/mini';
import type { InvoiceList, InvoiceStatus } from '@/lib/billing/model';
import { bad, hostText, issueDetail, MAX_ITEMS, ok, parseWith, type Read } from '@/lib/host/result';

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

export function statusFields(raw: string | null | undefined): { status: InvoiceStatus; rawStatus: string } {
  const text = hostText(raw ?? '');
  return { status: normalizeStatus(text), rawStatus: text };
}

const ListSchema = z.object({ invoices: z.array(z.unknown()) });

/** `{invoices: [...]}` read row by row with `row`, each readable one mapped by `build`. */
export function readInvoiceRows<S>(
  json: unknown,
  row: ZodMiniType<S>,
  build: (row: S) => InvoiceList['invoices'][number],
): Read<InvoiceList> {
  const list = parseWith('invoices', ListSchema, json, (body) => body.invoices.slice(0, MAX_ITEMS));
  if (!list.ok) return list;
  const invoices: InvoiceList['invoices'] = [];
  let firstProblem: string | null = null;
  list.value.forEach((raw, index) => {
    const label = `invoices.invoices[${index}]`;
    try {
      const parsed = row.safeParse(raw, { reportInput: true });
      if (parsed.success) {
        invoices.push(build(parsed.data));
        return;
      }
      firstProblem ??= issueDetail(label, parsed.error.issues);
    } catch {
      // A row whose amount does not fit in cents (RangeError), or a hostile getter.
      firstProblem ??= `${label}: could not be read`;
    }
  });
  const unreadable = list.value.length - invoices.length;
  if (unreadable > 0 && invoices.length === 0) return bad(firstProblem ?? 'invoices: could not be read');
  return ok({ invoices, unreadable });
}
