import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import BillingModal from '@/components/overlay/BillingModal.svelte';
import InvoiceTable from '@/components/shared/InvoiceTable.svelte';
import FetchedAt from '@/components/shared/FetchedAt.svelte';
import type { BillingError, Invoice, InvoiceList, Result, Quotas } from '@/lib/billing/model';
import type { BillingView } from '@/lib/protocol/replies';

const NBSP = '\u00a0';
const brl = (cents: number) => ({ cents, currency: 'BRL' });

function invoice(n: number, over: Partial<Invoice> = {}): Invoice {
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

/** BELGO-001 as the admin v1 family reports it (samples/v1-admin-usage.admin-v1-token.json). */
const BELGO_QUOTAS: Quotas = {
  api: { used: 120, included: 10_000 },
  llm: { used: 1_050_000, included: 100_000 },
  storage: { used: 1250, included: 10_240 },
  compute: { used: 120, included: 600 },
};
/** An invoice list that loaded, every row readable unless said. */
const listed = (invoices: Invoice[], unreadable = 0): Result<InvoiceList> => ({ ok: true, value: { invoices, unreadable } });

function belgoView(
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
      usage: {
        period: '2026-11',
        periodStart: null,
        periodEnd: null,
        total: brl(2702),
        split: { api: brl(120), llm: brl(1574), storage: brl(609), compute: brl(399) },
        metrics: {
          apiCalls: 15420,
          tokensTotal: 1_050_000,
          tokensIn: 660_000,
          tokensOut: 390_000,
          storageMb: 850,
          computeMinutes: 120,
        },
        month: '2026-11',
        quotas: BELGO_QUOTAS,
        callsByEndpoint: null,
      },
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

function renderModal(state: unknown, extra: Record<string, unknown> = {}) {
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
  const result = render(BillingModal, { props } as ModalProps);
  return { ...result, props };
}

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('BillingModal', () => {
  it('is a labelled modal dialog with the tenant in the subtitle', () => {
    renderModal({ kind: 'loading' });
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAttribute('data-testid', 'billing-modal');
    expect(dialog).toHaveAccessibleName('Billing e Usage');
    expect(screen.getByTestId('billing-modal-tenant').parentElement).toHaveTextContent('Consumo, custos e faturas · Belgo Arames');
    expect(screen.getByTestId('billing-modal-tenant')).toHaveTextContent('Belgo Arames');
    expect(screen.getByTestId('billing-open-full')).toHaveTextContent('Abrir painel completo');
    expect(screen.getByTestId('billing-close')).toHaveAttribute('aria-label', 'Fechar');
  });

  it('shows the loading state: the final layout in grey, under the real headings', () => {
    renderModal({ kind: 'loading' });
    expect(screen.getByRole('status')).toHaveTextContent('Carregando o faturamento…');
    expect(screen.getByText('Distribuição de custos')).toBeInTheDocument();
    expect(screen.getByText('Faturas recentes')).toBeInTheDocument();
    expect(screen.queryByTestId('billing-total-cost')).toBeNull();
    expect(screen.queryByTestId('billing-refresh')).toBeNull();
  });

  it('asks for the tenant where the host vouches for none: the page\'s guess pre-filled, sent only on confirm', async () => {
    const { props } = renderModal({ kind: 'error', error: { kind: 'tenantUnconfirmed', hint: 'BELGO-001' } });
    const input = screen.getByLabelText('Identificador do tenant');
    expect(input).toHaveValue('BELGO-001');
    expect(screen.getByText('A página sugere BELGO-001: confirme apenas se este for o seu.')).toBeInTheDocument();
    expect(screen.queryByTestId('billing-error')).toBeNull();
    expect(props.onchoose).not.toHaveBeenCalled();
    await fireEvent.input(input, { target: { value: ' tech-001 ' } });
    await fireEvent.click(screen.getByTestId('tenant-choice-confirm'));
    expect(props.onchoose).toHaveBeenCalledWith('TECH-001');
  });

  it('refuses a tenant id the host could not have issued, and says why a choice was refused', async () => {
    const onchoose = vi.fn(async () => ({ kind: 'signedOut' as const }));
    renderModal({ kind: 'error', error: { kind: 'tenantUnconfirmed', hint: null } }, { onchoose });
    const input = screen.getByTestId('tenant-choice-input');
    expect(input).toHaveValue('');
    await fireEvent.input(input, { target: { value: '../x' } });
    await fireEvent.click(screen.getByTestId('tenant-choice-confirm'));
    expect(onchoose).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Use letras maiúsculas, números e hífens, como em BELGO-001.');
    await fireEvent.input(input, { target: { value: 'BELGO-001' } });
    await fireEvent.click(screen.getByTestId('tenant-choice-confirm'));
    await vi.waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Não foi possível guardar a sua escolha: Sua sessão no Dashboard Agile terminou'));
  });

  it('shows the error in words and retries', async () => {
    const { props } = renderModal({ kind: 'error', error: { kind: 'server', status: 500 } });
    expect(screen.getByTestId('billing-error')).toHaveTextContent('O servidor respondeu com erro 500');
    await fireEvent.click(screen.getByTestId('billing-retry'));
    expect(props.onretry).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('billing-retry')).toHaveTextContent('Tentar novamente');
    expect(screen.getByTestId('billing-next-step')).toHaveTextContent('Tente novamente em alguns instantes.');
    expect(screen.getByRole('alert')).toContainElement(screen.getByTestId('billing-error'));
  });

  it('words an unreadable answer for people, the parser\'s reason behind "Detalhes"', () => {
    renderModal({ kind: 'error', error: { kind: 'badResponse', detail: 'usage.cost.total: expected number, got string' } });
    expect(screen.getByTestId('billing-error')).toHaveTextContent('O servidor enviou uma resposta que a extensão não consegue ler');
    expect(screen.getByTestId('billing-error')).not.toHaveTextContent('expected');
    const details = screen.getByText('Detalhes').closest('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(screen.getByTestId('billing-error-detail')).toHaveTextContent('usage.cost.total: expected number, got string');
  });

  it('tells "never signed in" from "session ended", calmly, not as an alert', () => {
    renderModal({ kind: 'error', error: { kind: 'signedOut', neverSignedIn: true } });
    expect(screen.getByTestId('billing-state')).toHaveAttribute('data-state', 'neverSignedIn');
    expect(screen.getByTestId('billing-error')).toHaveTextContent('Você ainda não entrou no Dashboard Agile');
    expect(screen.queryByText(/sessão/i)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    // In the dashboard itself there is no page to open: a retry picks up a sign-in made meanwhile.
    expect(screen.getByTestId('billing-retry')).toBeVisible();
    cleanup();
    renderModal({ kind: 'error', error: { kind: 'signedOut' } });
    expect(screen.getByTestId('billing-state')).toHaveAttribute('data-state', 'signedOut');
    expect(screen.getByTestId('billing-error')).toHaveTextContent('Sua sessão no Dashboard Agile terminou');
    expect(screen.getByTestId('billing-next-step')).toHaveTextContent('Entre novamente no Dashboard Agile');
  });

  it('shows the exact figures of a BELGO-001 snapshot', () => {
    renderModal({ kind: 'ready', view: belgoView(), refreshing: false });
    expect(screen.getByTestId('billing-total-cost').textContent?.trim()).toBe(`R$${NBSP}27,02`);
    expect(screen.getByTestId('billing-api-calls')).toHaveTextContent('15.420');
    expect(screen.getByTestId('billing-tokens')).toHaveTextContent('1,05M');
    expect(screen.getByTestId('billing-storage')).toHaveTextContent('850,0 MB');
    expect(screen.getByTestId('billing-period')).toHaveTextContent('Período: novembro de 2026');
    expect(screen.getByTestId('billing-cost-api').textContent?.trim()).toBe(`R$${NBSP}1,20`);
    expect(screen.getByTestId('billing-cost-llm').textContent?.trim()).toBe(`R$${NBSP}15,74`);
    expect(screen.getByTestId('billing-cost-storage').textContent?.trim()).toBe(`R$${NBSP}6,09`);
    expect(screen.getByTestId('billing-cost-compute').textContent?.trim()).toBe(`R$${NBSP}3,99`);
    expect(screen.getByTestId('billing-share-llm')).toHaveTextContent('58%');
    // The cost split's bars (the quota meters have their own).
    const bars = screen.getAllByRole('progressbar').filter((bar) => !bar.closest('[data-testid="billing-quotas"]'));
    expect(bars).toHaveLength(4);
    expect(bars[1]).toHaveAttribute('aria-valuenow', '58');
    expect((bars[1]!.firstElementChild as HTMLElement).style.width).toMatch(/^58\.2\d*%$/);
    for (const label of ['Custo total do período', 'Distribuição de custos', 'Faturas recentes', 'Cotas do plano']) {
      expect(screen.getByText(label)).toBeInTheDocument();
    }
    // One name per metric: the same words on its card, its quota meter and in the cost split.
    for (const label of ['Chamadas de API', 'Tokens de LLM', 'Armazenamento']) expect(screen.getAllByText(label)).toHaveLength(3);
    expect(screen.getAllByText('Processamento')).toHaveLength(2);
  });

  it('meters each quota against the plan and marks the one over it', () => {
    renderModal({ kind: 'ready', view: belgoView(), refreshing: false });
    const quota = (key: string) => screen.getByTestId(`billing-quota-${key}`);
    expect(quota('api')).toHaveAttribute('data-used', '120');
    expect(quota('api')).toHaveAttribute('data-included', '10000');
    expect(quota('api')).toHaveAttribute('data-over', 'false');
    expect(screen.getByTestId('billing-quota-api-text')).toHaveTextContent('120 de 10.000 chamadas incluídas');
    expect(screen.getByTestId('billing-quota-storage-text')).toHaveTextContent('1.250 de 10.240 MB incluídos');
    expect(screen.getByTestId('billing-quota-compute-text')).toHaveTextContent('120 de 600 minutos incluídos');
    expect(quota('llm')).toHaveAttribute('data-over', 'true');
    expect(screen.getByTestId('billing-quota-llm-text')).toHaveTextContent('1.050.000 de 100.000 tokens incluídos');
    expect(screen.getByTestId('billing-quota-llm-over')).toHaveTextContent(
      'Acima do plano · 10,5× o incluído · custo deste recurso no mês: R$ 15,74',
    );
    for (const key of ['api', 'storage', 'compute']) expect(screen.queryByTestId(`billing-quota-${key}-over`)).toBeNull();
    const llmBar = within(quota('llm')).getByRole('progressbar', { name: 'Tokens de LLM' });
    expect(llmBar).toHaveAttribute('aria-valuenow', '100');
    expect(llmBar.getAttribute('aria-valuetext')).toContain('10,5× o incluído');
  });

  it('says "not provided" for each quota the host does not name', () => {
    const view = belgoView();
    view.snapshot.usage.quotas = { ...view.snapshot.usage.quotas, storage: null, compute: null };
    renderModal({ kind: 'ready', view, refreshing: false });
    for (const key of ['storage', 'compute']) {
      expect(screen.getByTestId(`billing-quota-${key}`)).not.toHaveAttribute('data-included');
      expect(screen.getByTestId(`billing-quota-${key}-text`)).toHaveTextContent('não informado por este servidor');
    }
    expect(screen.getByTestId('billing-quota-api')).toHaveAttribute('data-included', '10000');
  });

  it('compares with last month once it is in, and says nothing before', async () => {
    const { rerender } = renderModal({ kind: 'ready', view: belgoView(), refreshing: false }, {
      lastMonth: { month: '2026-10', usage: undefined },
    });
    expect(screen.queryByTestId('billing-vs-last-month')).toBeNull();
    const october = { ...belgoView().snapshot.usage, month: '2026-10', total: brl(2412) };
    await rerender({ lastMonth: { month: '2026-10', usage: { ok: true, value: october } } });
    expect(screen.getByTestId('billing-vs-last-month')).toHaveTextContent('+12% em relação a outubro (+R$ 2,90)');
    expect(screen.getByTestId('billing-vs-last-month')).toHaveAttribute('data-change', 'up');
    await rerender({ lastMonth: { month: '2026-10', usage: { ok: false, error: { kind: 'notAvailable' } } } });
    expect(screen.queryByTestId('billing-vs-last-month')).toBeNull();
  });

  it('lists at most 5 invoices with translated status badges', () => {
    renderModal({ kind: 'ready', view: belgoView(), refreshing: false });
    const rows = screen.getAllByTestId('billing-invoice-row');
    expect(rows).toHaveLength(5);
    const first = within(rows[0]!);
    expect(first.getByText('FAT-2026-0011')).toBeInTheDocument();
    expect(first.getByText('novembro de 2026')).toBeInTheDocument();
    expect(rows[0]!.textContent).toContain(`R$${NBSP}200,00`);
    const badges = screen.getAllByTestId('billing-invoice-status');
    expect(badges.map((b) => b.textContent)).toEqual(['Pendente', 'Paga', 'Vencida', 'em_analise', 'Cancelada']);
    expect(screen.queryByText('Nenhuma fatura encontrada')).toBeNull();
  });

  it('says "no invoices" only for an empty list that did load', () => {
    renderModal({ kind: 'ready', view: belgoView({ invoices: listed([]) }), refreshing: false });
    expect(screen.getByText('Nenhuma fatura encontrada')).toBeInTheDocument();
    expect(screen.queryByTestId('billing-invoices-unavailable')).toBeNull();
  });

  it('says the invoice list is not available, never "no invoices"', () => {
    renderModal({
      kind: 'ready',
      view: belgoView({ invoices: { ok: false, error: { kind: 'notAvailable' } } }),
      refreshing: false,
    });
    expect(screen.getByTestId('billing-invoices-unavailable')).toHaveTextContent('Faturas não disponíveis neste servidor');
    expect(screen.queryByText(/Nenhuma fatura/)).toBeNull();
    expect(screen.queryByTestId('billing-invoice-row')).toBeNull();
  });

  it('words other invoice failures with the reason', () => {
    renderModal({
      kind: 'ready',
      view: belgoView({ invoices: { ok: false, error: { kind: 'server', status: 500 } } }),
      refreshing: false,
    });
    expect(screen.getByTestId('billing-invoices-unavailable')).toHaveTextContent(
      'Faturas indisponíveis: O servidor respondeu com erro 500',
    );
  });

  it('renders hostile server strings as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = renderModal({
      kind: 'ready',
      view: belgoView({ invoices: listed([invoice(1, { number: hostile, status: 'other', rawStatus: hostile, period: hostile })]) }),
      refreshing: false,
    });
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    const row = screen.getByTestId('billing-invoice-row');
    expect(within(row).getAllByText(hostile).length).toBeGreaterThanOrEqual(2);
  });

  it('shows when the data was fetched, stale mark, refresh error, and refreshes', async () => {
    const { props } = renderModal({
      kind: 'ready',
      view: belgoView({ stale: true, refreshError: { kind: 'timeout' } }),
      refreshing: false,
    });
    // When and why, never "updated now" beside "outdated".
    expect(screen.getByTestId('billing-fetched-at')).toHaveTextContent(
      'Desatualizado Dados obtidos há 2 minutos. Não foi possível atualizar: O servidor demorou demais para responder',
    );
    expect(screen.getByTestId('billing-fetched-at')).not.toHaveTextContent('Atualizado');
    expect(screen.getByTestId('billing-stale')).toHaveTextContent('Desatualizado');
    expect(screen.getByTestId('billing-refresh-error')).toHaveTextContent('O servidor demorou demais para responder');
    const refresh = screen.getByTestId('billing-refresh');
    expect(refresh).toBeEnabled();
    await fireEvent.click(refresh);
    expect(props.onrefresh).toHaveBeenCalledTimes(1);
  });

  it('disables the refresh button and says the dialog is busy while refreshing', () => {
    renderModal({ kind: 'ready', view: belgoView(), refreshing: true });
    const refresh = screen.getByTestId('billing-refresh');
    expect(refresh).toBeDisabled();
    expect(refresh).toHaveTextContent('Atualizando');
    expect(screen.getByRole('dialog')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByTestId('billing-stale')).toBeNull();
  });

  it('closes from the close button, the backdrop and Esc, not from clicks inside', async () => {
    const { props } = renderModal({ kind: 'loading' });
    await fireEvent.click(screen.getByTestId('billing-close'));
    expect(props.onclose).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole('dialog'));
    expect(props.onclose).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole('dialog').parentElement!);
    expect(props.onclose).toHaveBeenCalledTimes(2);
    await fireEvent.keyDown(screen.getByTestId('billing-open-full'), { key: 'Escape' });
    expect(props.onclose).toHaveBeenCalledTimes(3);
  });

  it('does not close when a press inside the dialog ends on the backdrop', async () => {
    const { props } = renderModal({ kind: 'loading' });
    const overlay = screen.getByRole('dialog').parentElement!;
    await fireEvent.mouseDown(screen.getByText('Carregando o faturamento…'));
    await fireEvent.click(overlay);
    expect(props.onclose).not.toHaveBeenCalled();
  });

  it('opens the full page', async () => {
    const { props } = renderModal({ kind: 'loading' });
    await fireEvent.click(screen.getByTestId('billing-open-full'));
    expect(props.onopenfull).toHaveBeenCalledTimes(1);
  });

  it('focuses the close button on mount and wraps Tab inside the dialog', async () => {
    renderModal({ kind: 'ready', view: belgoView(), refreshing: false });
    await tick();
    const close = screen.getByTestId('billing-close');
    const openFull = screen.getByTestId('billing-open-full');
    const refresh = screen.getByTestId('billing-refresh');
    expect(document.activeElement).toBe(close);

    refresh.focus();
    const forward = await fireEvent.keyDown(refresh, { key: 'Tab' });
    expect(forward).toBe(false); // default prevented
    expect(document.activeElement).toBe(openFull);

    const backward = await fireEvent.keyDown(openFull, { key: 'Tab', shiftKey: true });
    expect(backward).toBe(false);
    expect(document.activeElement).toBe(refresh);

    // In the middle, Tab is left to the browser.
    close.focus();
    expect(await fireEvent.keyDown(close, { key: 'Tab' })).toBe(true);
  });

  it('brings focus back inside when it escaped', async () => {
    renderModal({ kind: 'loading' });
    (document.activeElement as HTMLElement | null)?.blur();
    await fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByTestId('billing-open-full'));
  });

  it('keeps key events from reaching the page', async () => {
    const onDocument = vi.fn();
    document.addEventListener('keydown', onDocument);
    document.addEventListener('keyup', onDocument);
    document.addEventListener('keypress', onDocument);
    try {
      renderModal({ kind: 'loading' });
      const target = screen.getByTestId('billing-open-full');
      await fireEvent.keyDown(target, { key: 'k', ctrlKey: true });
      await fireEvent.keyPress(target, { key: 'k', charCode: 107 });
      await fireEvent.keyUp(target, { key: 'k' });
      await fireEvent.keyDown(target, { key: 'Escape' });
      expect(onDocument).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', onDocument);
      document.removeEventListener('keyup', onDocument);
      document.removeEventListener('keypress', onDocument);
    }
  });

  it('works inside a shadow root (focus trap uses the root node)', async () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const target = document.createElement('div');
    shadow.appendChild(target);
    const onclose = vi.fn();
    render(BillingModal, {
      target,
      props: {
        tenantName: 'Belgo Arames',
        state: { kind: 'ready', view: belgoView(), refreshing: false },
        dark: false,
        locale: 'pt-BR',
        onretry: vi.fn(),
        onchoose: vi.fn(async () => null),
        onrefresh: vi.fn(),
        onclose,
        onopenfull: vi.fn(),
      },
    });
    await tick();
    const close = shadow.querySelector<HTMLElement>('[data-testid="billing-close"]')!;
    const openFull = shadow.querySelector<HTMLElement>('[data-testid="billing-open-full"]')!;
    const refresh = shadow.querySelector<HTMLElement>('[data-testid="billing-refresh"]')!;
    expect(shadow.activeElement).toBe(close);
    refresh.focus();
    await fireEvent.keyDown(refresh, { key: 'Tab' });
    expect(shadow.activeElement).toBe(openFull);
    await fireEvent.keyDown(openFull, { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(1);
    host.remove();
  });
});

describe('InvoiceTable and FetchedAt on their own', () => {
  it('shows every invoice without a limit', () => {
    const data = [invoice(1), invoice(2), invoice(3), invoice(4), invoice(5), invoice(6), invoice(7)];
    render(InvoiceTable, { props: { invoices: listed(data), locale: 'pt-BR' } });
    expect(screen.getAllByTestId('billing-invoice-row')).toHaveLength(7);
  });

  it('tolerates duplicate invoice ids', () => {
    const data = [invoice(1), invoice(1)];
    render(InvoiceTable, { props: { invoices: listed(data), limit: 5, locale: 'en' } });
    expect(screen.getAllByTestId('billing-invoice-row')).toHaveLength(2);
  });

  it('formats relative time in English', () => {
    installI18nStub('en');
    const now = Date.UTC(2026, 10, 25, 12);
    render(FetchedAt, { props: { fetchedAt: now - 5 * 60_000, now, locale: 'en' } });
    expect(screen.getByTestId('billing-fetched-at')).toHaveTextContent('Updated 5 minutes ago');
  });
});

describe('what the figures are', () => {
  it('the panel\'s figures say they are simulated, its invoices too', () => {
    renderModal({ kind: 'ready', view: belgoView({ simulated: true }), refreshing: false });
    expect(screen.getByTestId('billing-simulated')).toHaveTextContent(
      'Valores simulados: o próprio servidor marca estes números como simulação, não como cobrança real',
    );
    expect(screen.getByTestId('billing-invoices-simulated')).toHaveTextContent('Faturas simuladas pelo servidor, não faturas reais');
  });

  it('real figures carry no such note', () => {
    renderModal({ kind: 'ready', view: belgoView(), refreshing: false });
    expect(screen.queryByTestId('billing-simulated')).toBeNull();
    expect(screen.queryByTestId('billing-invoices-simulated')).toBeNull();
  });

  it('a credit note shows its minus; unreadable rows are counted, the rest listed', () => {
    const credit = invoice(3, { total: brl(-5025), status: 'paid', rawStatus: 'paid' });
    render(InvoiceTable, { props: { invoices: listed([invoice(4), credit], 1), locale: 'pt-BR' } });
    const rows = screen.getAllByTestId('billing-invoice-row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent("-R$ 50,25");
    expect(screen.getByTestId('billing-invoices-unreadable')).toHaveTextContent('1 fatura não pôde ser lida');
    cleanup();
    render(InvoiceTable, { props: { invoices: listed([invoice(4)], 3), locale: 'pt-BR' } });
    expect(screen.getByTestId('billing-invoices-unreadable')).toHaveTextContent('3 faturas não puderam ser lidas');
  });

  it("the host's wait counts down, second by second", async () => {
    vi.useFakeTimers();
    try {
      const retryAt = Date.now() + 30_000;
      renderModal({ kind: 'error', error: { kind: 'server', status: 429, retryAt } });
      expect(screen.getByTestId('billing-error')).toHaveTextContent('O servidor está sobrecarregado (erro 429): tente novamente em 30 s');
      await vi.advanceTimersByTimeAsync(5_000);
      expect(screen.getByTestId('billing-error')).toHaveTextContent('tente novamente em 25 s');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a redirect and a body past the cap are said plainly', () => {
    renderModal({ kind: 'error', error: { kind: 'redirected' } });
    expect(screen.getByTestId('billing-error')).toHaveTextContent('O servidor nos enviou para outro endereço');
    cleanup();
    renderModal({ kind: 'error', error: { kind: 'tooLarge', limitBytes: 2 * 1024 * 1024 } });
    expect(screen.getByTestId('billing-error')).toHaveTextContent('A resposta do servidor passou de 2 MB e foi interrompida');
  });
});
