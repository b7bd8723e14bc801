/** The toolbar's title and the popup's highlights: the month's cost, the quota most used, the budget used. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { beforeEach, describe, expect, it } from 'vitest';
import { badgeTitle, titleHead } from '@/lib/background/badge/title';
import { budgetPercent } from '@/lib/billing/budget';
import { quotaHighlight } from '@/lib/i18n/quota-text';
import { BELGO_QUOTAS, NBSP, brl, usage } from '@/tests/support/usage';
import { evaluateAlerts } from '@/lib/billing/alerts';

/** The warnings in force for Belgo's December against a budget, every kind wanted. */
const warnings = (budgetCents: number, estimateCents: number | null = null) =>
  evaluateAlerts({
    origin: 'http://localhost:9001', tenantId: 'BELGO-001', period: '2026-12', announced: {}, silenced: false,
    kinds: { budget: true, estimate: true, quota: true },
    figures: { cost: brl(2702), budget: brl(budgetCents), levels: [50, 80, 100], estimate: estimateCents === null ? null : brl(estimateCents), quotas: BELGO_QUOTAS },
  }).active;

describe('the toolbar title and the popup highlights', () => {
  beforeEach(() => installI18nStub('pt_BR'));

  it("say the month's cost, the quota most used and the budget used", () => {
    expect(quotaHighlight(BELGO_QUOTAS, 'pt-BR')).toBe('LLM: 1.050% do incluído');
    expect(budgetPercent(brl(2702), brl(10_000))).toBeCloseTo(27.02);
    expect(budgetPercent(brl(2702), null)).toBeNull();
    expect(budgetPercent(brl(2702), { cents: 10_000, currency: 'USD' })).toBeNull();
    expect(badgeTitle({ tenantName: 'Belgo Arames', usage: usage(), simulated: false }, brl(10_000), 'pt-BR')).toBe(
      ['Billing e Usage — Belgo Arames', `dezembro de 2026: R$${NBSP}27,02`, 'LLM: 1.050% do incluído', 'Orçamento: 27% usado'].join('\n'),
    );
  });

  it('leave out what the host does not give, and say what the figures are', () => {
    const panel = usage({ month: null, quotas: { api: null, llm: null, storage: null, compute: null } });
    expect(badgeTitle({ tenantName: 'Belgo Arames', usage: panel, simulated: true }, null, 'pt-BR')).toBe(
      ['Billing e Usage — Belgo Arames', `Custo atual: R$${NBSP}27,02`, 'Valores simulados pelo servidor'].join('\n'),
    );
  });

  it('say why the badge has its colour, worst first, in place of the lines those warnings stand for', () => {
    const view = { tenantName: 'Belgo Arames', usage: usage(), simulated: false };
    expect(badgeTitle(view, brl(3000), 'pt-BR', warnings(3000))).toBe(
      ['Billing e Usage — Belgo Arames', `dezembro de 2026: R$${NBSP}27,02`, 'Tokens de LLM: 1.050% do plano', 'Orçamento: 90% (nível 80%)'].join('\n'),
    );
    expect(badgeTitle(view, brl(10_000), 'pt-BR', warnings(10_000, 12_000))).toBe(
      ['Billing e Usage — Belgo Arames', `dezembro de 2026: R$${NBSP}27,02`, 'Tokens de LLM: 1.050% do plano', 'Estimativa do mês: 120% do orçamento', 'Orçamento: 27% usado'].join('\n'),
    );
  });

  it('speak English to English browsers', () => {
    installI18nStub('en');
    const view = { tenantName: 'Belgo Arames', usage: usage(), simulated: false };
    expect(badgeTitle(view, brl(2500), 'en-US', warnings(2500)).split('\n').slice(2)).toEqual(['Budget: 108% (level 100%)', 'LLM tokens: 1,050% of the plan']);
  });

  it('name the dashboard shown, on the second line, when the person watches several; with or without figures', () => {
    const view = { tenantName: 'BELGO-001', usage: usage(), simulated: false };
    expect(badgeTitle(view, null, 'pt-BR', [], 'Produção').split('\n').slice(0, 3)).toEqual(
      ['Billing e Usage — BELGO-001', 'Dashboard Agile: Produção', `dezembro de 2026: R$${NBSP}27,02`],
    );
    expect(titleHead('Billing e Usage', 'Produção')).toBe('Billing e Usage\nDashboard Agile: Produção');
    expect(titleHead('Billing e Usage', null)).toBe('Billing e Usage');
    installI18nStub('en');
    expect(badgeTitle(view, null, 'en-US', [], 'Production').split('\n')[1]).toBe('Dashboard: Production');
  });
});
