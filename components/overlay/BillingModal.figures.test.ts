/** BillingModal's figures: the summary, the quotas, the change since last month, and whether they are simulated. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/svelte';
import { brl, NBSP } from '@/tests/support/usage';
import { belgoView, renderModal } from '@/components/overlay/BillingModal.support';
import { zeroView } from '@/components/shared/UnknownTenantNote.support';

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('BillingModal', () => {
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
    expect(screen.queryByTestId('billing-unknown-tenant')).toBeNull();
  });

  it('a typed tenant answered with nothing but zeros asks the person to check the id', () => {
    renderModal({ kind: 'ready', view: zeroView('TECH-01'), refreshing: false }, { tenantName: 'TECH-01' });
    expect(screen.getByTestId('billing-unknown-tenant')).toHaveTextContent('confira se TECH-01 é o ID certo');
  });
});
