import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import BudgetGauge from '@/components/shared/BudgetGauge.svelte';
import UsageTimeline from '@/components/full-page/UsageTimeline.svelte';
import ProjectionsCard from '@/components/full-page/ProjectionsCard.svelte';
import InvoicePager from '@/components/full-page/InvoicePager.svelte';
import type { Invoice, Money, Result, Projections, TimelinePoint } from '@/lib/billing/model';

const NBSP = '\u00a0';
const text = (el: Element | null | undefined) => el?.textContent?.trim();
const brl = (cents: number): Money => ({ cents, currency: 'BRL' });
const notAvailable = { ok: false, error: { kind: 'notAvailable' } } as const;

function projections(limitCents: number | null): Result<Projections> {
  return {
    ok: true,
    value: {
      spent: brl(24580),
      projectedTotal: brl(24580),
      daysRemaining: 12,
      nextMonth: brl(27038),
      budget: limitCents === null ? null : { monthlyLimit: brl(limitCents), usagePct: 49.2, alertThreshold: 80 },
    },
  };
}

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('BudgetGauge', () => {
  const cases: [number, string, string][] = [
    [24580, 'ok', `49%`],
    [39999, 'ok', `80%`], // 79.998%: still below the threshold
    [40000, 'warn', `80%`],
    [49999, 'warn', `100%`],
    [50000, 'over', `100%`],
    [75000, 'over', `150%`],
  ];
  for (const [spent, level, pct] of cases) {
    it(`${spent} cents of a R$ 500,00 host limit → ${level}`, () => {
      render(BudgetGauge, { spent: brl(spent), projections: projections(50000), locale: 'pt-BR' });
      const gauge = screen.getByTestId('full-budget');
      expect(gauge).toHaveAttribute('data-level', level);
      expect(text(screen.getByTestId('full-budget-percent'))).toBe(pct);
      expect(screen.getByTestId('full-budget-source')).toHaveTextContent('Limite definido no servidor');
      const width = Math.min(100, (spent / 50000) * 100);
      expect(screen.getByTestId('full-budget-bar').style.width).toBe(`${width}%`);
      expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(Math.min(100, Math.round(width))));
    });
  }

  it('honours a custom alert threshold', () => {
    render(BudgetGauge, { spent: brl(24580), projections: projections(50000), alertThreshold: 40, locale: 'pt-BR' });
    expect(screen.getByTestId('full-budget')).toHaveAttribute('data-level', 'warn');
  });

  it('falls back to the personal budget when the host names none', () => {
    render(BudgetGauge, { spent: brl(24580), projections: notAvailable, personalBudget: brl(20000), locale: 'pt-BR' });
    expect(screen.getByTestId('full-budget')).toHaveAttribute('data-level', 'over');
    expect(text(screen.getByTestId('full-budget-percent'))).toBe(`123%`);
    expect(screen.getByTestId('full-budget-source')).toHaveTextContent('Seu orçamento pessoal');
    expect(text(screen.getByTestId('full-budget-text'))).toBe(`123% de R$${NBSP}200,00 usados · R$${NBSP}245,80`);
  });

  it('prefers the personal budget over the host limit, as the badge does', () => {
    render(BudgetGauge, { spent: brl(24580), projections: projections(50000), personalBudget: brl(20000), locale: 'pt-BR' });
    expect(screen.getByTestId('full-budget')).toHaveAttribute('data-level', 'over');
    expect(text(screen.getByTestId('full-budget-percent'))).toBe(`123%`);
  });

  it('is hidden with no budget, a zero budget or a budget in another currency', () => {
    const { container, unmount } = render(BudgetGauge, { spent: brl(24580), projections: projections(null), locale: 'pt-BR' });
    expect(container.querySelector('[data-testid="full-budget"]')).toBeNull();
    unmount();
    render(BudgetGauge, { spent: brl(24580), projections: notAvailable, personalBudget: brl(0), locale: 'pt-BR' });
    expect(screen.queryByTestId('full-budget')).toBeNull();
    cleanup();
    render(BudgetGauge, { spent: brl(24580), projections: notAvailable, personalBudget: { cents: 100, currency: 'USD' }, locale: 'pt-BR' });
    expect(screen.queryByTestId('full-budget')).toBeNull();
  });
});

describe('UsageTimeline', () => {
  const points: TimelinePoint[] = [
    { date: '2026-11-01', apiCalls: 1000, tokens: 1, cost: brl(1200) },
    { date: '2026-11-02', apiCalls: 1500, tokens: 1, cost: brl(2400) },
    { date: '2026-11-03', apiCalls: 900, tokens: 1, cost: brl(0) },
  ];

  it('says plainly when the host has no timeline', () => {
    render(UsageTimeline, { timeline: notAvailable, locale: 'pt-BR' });
    expect(screen.getByTestId('full-timeline-unavailable')).toHaveTextContent(/^Linha do tempo não disponível neste servidor$/);
    expect(screen.queryByTestId('full-timeline')).toBeNull();
  });

  it('adds the reason for other failures', () => {
    render(UsageTimeline, { timeline: { ok: false, error: { kind: 'server', status: 502 } }, locale: 'pt-BR' });
    expect(screen.getByTestId('full-timeline-unavailable')).toHaveTextContent('Linha do tempo não disponível neste servidor (O servidor respondeu com erro 502)');
  });

  it('draws one bar per day, scaled to the peak, with an accessible name and a table', () => {
    render(UsageTimeline, { timeline: { ok: true, value: points }, locale: 'pt-BR' });
    const chart = screen.getByRole('img', { name: 'Custo diário de 01/11/2026 a 03/11/2026' });
    expect(chart.querySelector('title')).toHaveTextContent('Custo diário de 01/11/2026 a 03/11/2026');
    const bars = screen.getAllByTestId('full-timeline-bar');
    expect(bars).toHaveLength(3);
    expect(bars.map((b) => Number(b.getAttribute('height')))).toEqual([78, 156, 0]);
    expect(text(bars[1]!.querySelector('title'))).toBe(`02/11/2026: R$${NBSP}24,00`);
    const table = screen.getByTestId('full-timeline-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      `01/11/2026R$${NBSP}12,001.000`,
      `02/11/2026R$${NBSP}24,001.500`,
      `03/11/2026R$${NBSP}0,00900`,
    ]);
  });

  it('renders host dates as text, never as markup', () => {
    render(UsageTimeline, { timeline: { ok: true, value: [{ ...points[0]!, date: '<img src=x onerror=alert(1)>' }] }, locale: 'pt-BR' });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('full-timeline-table')).toHaveTextContent('<img src=x onerror=alert(1)>');
  });
});

describe('ProjectionsCard', () => {
  it('shows the four projection figures', () => {
    render(ProjectionsCard, { projections: projections(50000), locale: 'pt-BR' });
    expect(text(screen.getByTestId('full-projection-spent'))).toBe(`R$${NBSP}245,80`);
    expect(text(screen.getByTestId('full-projection-total'))).toBe(`R$${NBSP}245,80`);
    expect(screen.getByTestId('full-projection-days')).toHaveTextContent('12');
    expect(text(screen.getByTestId('full-projection-next'))).toBe(`R$${NBSP}270,38`);
  });

  it('says plainly when the host has no projections', () => {
    render(ProjectionsCard, { projections: notAvailable, locale: 'pt-BR' });
    expect(screen.getByTestId('full-projections-unavailable')).toHaveTextContent(/^Projeções não disponíveis neste servidor$/);
  });
});

describe('InvoicePager', () => {
  const invoices: Invoice[] = Array.from({ length: 23 }, (_, i) => ({
    id: `INV-${i + 1}`,
    number: `FAT-${String(i + 1).padStart(4, '0')}`,
    period: '2026-10',
    total: brl(10000 + i),
    status: 'paid',
    rawStatus: 'paid',
    dueDate: null,
    paidAt: null,
  }));

  const screenRows = () => within(screen.getByTestId('full-invoices-screen')).getAllByTestId('billing-invoice-row');

  it('pages through 10 at a time and prints every invoice', async () => {
    render(InvoicePager, { invoices: { ok: true, value: { invoices, unreadable: 0 } }, locale: 'pt-BR' });
    expect(screen.getByTestId('full-invoices-page')).toHaveTextContent('Página 1 de 3');
    expect(screenRows()).toHaveLength(10);
    expect(screenRows()[0]).toHaveTextContent('FAT-0001');
    expect(screen.getByTestId('full-invoices-prev')).toBeDisabled();

    await fireEvent.click(screen.getByTestId('full-invoices-next'));
    expect(screen.getByTestId('full-invoices-page')).toHaveTextContent('Página 2 de 3');
    expect(screenRows()[0]).toHaveTextContent('FAT-0011');

    await fireEvent.click(screen.getByTestId('full-invoices-next'));
    expect(screenRows()).toHaveLength(3);
    expect(screen.getByTestId('full-invoices-next')).toBeDisabled();

    await fireEvent.click(screen.getByTestId('full-invoices-prev'));
    expect(screen.getByTestId('full-invoices-page')).toHaveTextContent('Página 2 de 3');

    // The print copy holds every invoice (that only it prints is checked in Chromium, full-page.spec.ts).
    expect(within(screen.getByTestId('full-invoices-print')).getAllByTestId('billing-invoice-row')).toHaveLength(23);
  });

  it('has no pager for a single page', () => {
    render(InvoicePager, { invoices: { ok: true, value: { invoices: invoices.slice(0, 4), unreadable: 0 } }, locale: 'pt-BR' });
    expect(screenRows()).toHaveLength(4);
    expect(screen.queryByTestId('full-invoices-page')).toBeNull();
  });

  it('keeps "not available" and "no invoices" apart', () => {
    render(InvoicePager, { invoices: notAvailable, locale: 'pt-BR' });
    expect(screen.getByTestId('billing-invoices-unavailable')).toHaveTextContent('Faturas não disponíveis neste servidor');
    expect(screen.queryByTestId('billing-invoices-empty')).toBeNull();
    cleanup();
    render(InvoicePager, { invoices: { ok: true, value: { invoices: [], unreadable: 0 } }, locale: 'pt-BR' });
    expect(screen.getByTestId('billing-invoices-empty')).toHaveTextContent('Nenhuma fatura encontrada');
    expect(screen.queryByTestId('full-invoices-page')).toBeNull();
  });
});
