/** BudgetGauge as the full page shows it: which budget counts, and its level. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import BudgetGauge from '@/components/shared/BudgetGauge.svelte';
import { brl, NBSP } from '@/tests/support/usage';
import { notAvailable, projections, text } from '@/components/full-page/widgets.support';

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
    render(BudgetGauge, { spent: brl(24580), projections: notAvailable, budgetCents: 20000, locale: 'pt-BR' });
    expect(screen.getByTestId('full-budget')).toHaveAttribute('data-level', 'over');
    expect(text(screen.getByTestId('full-budget-percent'))).toBe(`123%`);
    expect(screen.getByTestId('full-budget-source')).toHaveTextContent('Seu orçamento pessoal');
    expect(text(screen.getByTestId('full-budget-text'))).toBe(`123% de R$${NBSP}200,00 usados · R$${NBSP}245,80`);
  });

  it('prefers the personal budget over the host limit, as the badge does', () => {
    render(BudgetGauge, { spent: brl(24580), projections: projections(50000), budgetCents: 20000, locale: 'pt-BR' });
    expect(screen.getByTestId('full-budget')).toHaveAttribute('data-level', 'over');
    expect(text(screen.getByTestId('full-budget-percent'))).toBe(`123%`);
  });

  it('is hidden with no budget, a zero budget or a budget in another currency', () => {
    const { container, unmount } = render(BudgetGauge, { spent: brl(24580), projections: projections(null), locale: 'pt-BR' });
    expect(container.querySelector('[data-testid="full-budget"]')).toBeNull();
    unmount();
    render(BudgetGauge, { spent: brl(24580), projections: notAvailable, budgetCents: 0, locale: 'pt-BR' });
    expect(screen.queryByTestId('full-budget')).toBeNull();
    cleanup();
    // The person's budget is in the data's currency: only the host's limit can be in another.
    const dollars = projections(50000);
    if (dollars.ok && dollars.value.budget) dollars.value.budget.monthlyLimit = { cents: 100, currency: 'USD' };
    render(BudgetGauge, { spent: brl(24580), projections: dollars, locale: 'pt-BR' });
    expect(screen.queryByTestId('full-budget')).toBeNull();
  });
});
