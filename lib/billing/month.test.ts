/**
 * The month arithmetic, the change since last month in words, the month-end estimate, periods
 * as dates, quotas and the toolbar's title: pure functions, in both languages.
 */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { beforeEach, describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, isMonth, monthOf, monthsUpTo } from '@/lib/billing/month';
import { compareMonths, monthChangeText } from '@/lib/billing/month-change';
import { monthEndEstimate, projectionContradicts } from '@/lib/billing/month-end-estimate';
import { formatMonth, formatPeriod } from '@/lib/i18n/period-text';
import { isOverQuota, mostUsedQuota, quotaPercent } from '@/lib/billing/quota';
import { badgeTitle, budgetPercent, quotaHighlight } from '@/lib/background/badge/title';
import { topEndpoints } from '@/lib/billing/endpoint-calls';
import type { Money, Quotas, Usage } from '@/lib/billing/model';

const NBSP = '\u00a0';
const MINUS = '\u2212';
const brl = (cents: number): Money => ({ cents, currency: 'BRL' });

const BELGO_QUOTAS: Quotas = {
  api: { used: 120, included: 10_000 },
  llm: { used: 1_050_000, included: 100_000 },
  storage: { used: 1250, included: 10_240 },
  compute: { used: 120, included: 600 },
};

function usage(over: Partial<Usage> = {}): Usage {
  return {
    period: '2026-12',
    periodStart: null,
    periodEnd: null,
    month: '2026-12',
    total: brl(2702),
    split: { api: brl(120), llm: brl(1574), storage: brl(609), compute: brl(399) },
    metrics: { apiCalls: 120, tokensTotal: 1_050_000, tokensIn: 660_000, tokensOut: 390_000, storageMb: 1250, computeMinutes: 120 },
    quotas: BELGO_QUOTAS,
    callsByEndpoint: null,
    ...over,
  };
}

describe('months', () => {
  it('steps across years and knows their lengths', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-03', -14)).toBe('2025-01');
    expect(monthsUpTo('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2026-11')).toBe(30);
    expect(monthOf(new Date('2026-12-01T00:30:00Z'))).toBe('2026-12');
  });

  it('accepts only what the host can be asked about', () => {
    for (const good of ['2026-01', '2026-12', '1999-07']) expect(isMonth(good)).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', '2026-01 ', 'month', null, 202601]) expect(isMonth(bad)).toBe(false);
  });
});

describe('the change since last month, in pt-BR', () => {
  beforeEach(() => installI18nStub('pt_BR'));
  const say = (current: number, previous: number, lastMonth = '2026-11') =>
    monthChangeText(compareMonths(brl(current), brl(previous)), lastMonth, 'pt-BR');

  it('up: the percentage and the amount, against the month by name', () => {
    expect(say(2702, 2412)).toBe(`+12% em relação a novembro (+R$${NBSP}2,90)`);
    expect(compareMonths(brl(2702), brl(2412))).toEqual({ kind: 'up', percent: (290 / 2412) * 100, delta: brl(290) });
  });

  it('down: a true minus sign on both', () => {
    expect(say(2412, 2702)).toBe(`${MINUS}11% em relação a novembro (${MINUS}R$${NBSP}2,90)`);
  });

  it('a change under one percent keeps a decimal, so it never reads as 0%', () => {
    expect(say(100_100, 100_000)).toBe(`+0,1% em relação a novembro (+R$${NBSP}1,00)`);
  });

  it('the same total, and a month without usage', () => {
    expect(say(2702, 2702)).toBe('Igual a novembro');
    expect(say(2702, 0)).toBe('Sem uso no mês passado');
    expect(say(0, 0)).toBe('Sem uso no mês passado');
  });

  it('no data: nothing to say (another currency, or no comparison at all)', () => {
    expect(compareMonths(brl(2702), { cents: 2412, currency: 'USD' })).toBeNull();
    expect(monthChangeText(null, '2026-11', 'pt-BR')).toBeNull();
  });

  it('across a year the month is still named', () => {
    expect(say(1100, 1000, '2025-12')).toBe(`+10% em relação a dezembro (+R$${NBSP}1,00)`);
  });
});

describe('the change since last month, in English', () => {
  beforeEach(() => installI18nStub('en'));

  it('words each case', () => {
    const say = (current: number, previous: number) => monthChangeText(compareMonths(brl(current), brl(previous)), '2026-11', 'en');
    expect(say(2702, 2412)).toBe('+12% vs November (+R$2.90)');
    expect(say(2412, 2702)).toBe(`${MINUS}11% vs November (${MINUS}R$2.90)`);
    expect(say(5, 5)).toBe('Same as November');
    expect(say(5, 0)).toBe('No usage last month');
  });
});

describe('month-end estimate', () => {
  it('goes from the daily rate so far, today counted as a whole day', () => {
    // 10 days of December at R$ 27,02: 31 days at that rate.
    expect(monthEndEstimate(brl(2702), '2026-12', new Date('2026-12-10T08:00:00Z'))).toEqual({
      total: brl(Math.round((2702 / 10) * 31)),
      daysElapsed: 10,
      daysInMonth: 31,
    });
    // The 1st: one day's spending is the rate (never a division by a fraction of a day).
    expect(monthEndEstimate(brl(100), '2026-11', new Date('2026-11-01T00:05:00Z'))?.total).toEqual(brl(3000));
    // The last day: the month as it stands.
    expect(monthEndEstimate(brl(2702), '2026-11', new Date('2026-11-30T23:00:00Z'))?.total).toEqual(brl(2702));
    expect(monthEndEstimate(brl(0), '2026-12', new Date('2026-12-10T08:00:00Z'))?.total).toEqual(brl(0));
  });

  it('is for the month in progress only', () => {
    const now = new Date('2026-12-10T08:00:00Z');
    expect(monthEndEstimate(brl(2702), '2026-11', now)).toBeNull();
    expect(monthEndEstimate(brl(2702), '2027-01', now)).toBeNull();
  });

  it('flags the host projecting no more than is spent while days remain', () => {
    const p = { spent: brl(24580), projectedTotal: brl(24580), daysRemaining: 5, nextMonth: null, budget: null };
    expect(projectionContradicts(p)).toBe(true);
    expect(projectionContradicts({ ...p, projectedTotal: brl(20000) })).toBe(true);
    expect(projectionContradicts({ ...p, projectedTotal: brl(29000) })).toBe(false);
    expect(projectionContradicts({ ...p, daysRemaining: 0 })).toBe(false);
    expect(projectionContradicts({ ...p, spent: brl(0), projectedTotal: brl(0) })).toBe(false);
  });
});

describe('periods as dates', () => {
  it('a calendar month by name, the panel\'s rolling period by its dates, never a raw label', () => {
    expect(formatPeriod(usage(), 'pt-BR')).toBe('dezembro de 2026');
    expect(formatPeriod(usage(), 'en')).toBe('December 2026');
    const rolling = { periodStart: '2026-11-01T12:03:15.935845', periodEnd: '2026-11-30T12:03:15.935845', month: null };
    expect(formatPeriod(rolling, 'pt-BR')).toBe(new Intl.DateTimeFormat('pt-BR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 30)));
    expect(formatPeriod(rolling, 'pt-BR')).toMatch(/^1\s?–\s?30 de nov\. de 2026$/);
    expect(formatPeriod(rolling, 'en')).toMatch(/^Nov 1\s?–\s?30, 2026$/);
    expect(formatPeriod({ periodStart: 'month', periodEnd: null, month: null }, 'pt-BR')).toBe('');
    expect(formatMonth('2026-11', 'pt-BR')).toBe('novembro de 2026');
  });
});

describe('quotas', () => {
  it('percent, over, and the most used one', () => {
    expect(quotaPercent(BELGO_QUOTAS.llm!)).toBe(1050);
    expect(isOverQuota(BELGO_QUOTAS.llm!)).toBe(true);
    expect(isOverQuota(BELGO_QUOTAS.api!)).toBe(false);
    expect(isOverQuota({ used: 600, included: 600 })).toBe(false);
    expect(mostUsedQuota(BELGO_QUOTAS)).toEqual({ key: 'llm', percent: 1050 });
    expect(mostUsedQuota({ api: null, llm: null, storage: null, compute: null })).toBeNull();
  });

  it('the top five endpoints and the rest as one row', () => {
    const calls = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((endpoint, i) => ({ endpoint, calls: 70 - i * 10 }));
    expect(topEndpoints(calls)).toEqual({ top: calls.slice(0, 5), others: 20 + 10 });
    expect(topEndpoints(calls.slice(0, 4))).toEqual({ top: calls.slice(0, 4), others: null });
  });
});

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
});
