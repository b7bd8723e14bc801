/**
 * Model values for the billing tests: money in reais, Belgo Arames' quotas (over its LLM tokens
 * 10.5 times, within the rest) and one month of its usage, with the spaces and minus sign
 * Intl writes.
 */
import type { Money, Quotas, Usage } from '@/lib/billing/model';

export const NBSP = '\u00a0';
export const MINUS = '\u2212';

export const brl = (cents: number): Money => ({ cents, currency: 'BRL' });

export const BELGO_QUOTAS: Quotas = {
  api: { used: 120, included: 10_000 },
  llm: { used: 1_050_000, included: 100_000 },
  storage: { used: 1250, included: 10_240 },
  compute: { used: 120, included: 600 },
};

/** December 2026 of Belgo Arames (R$ 27,02), with `over` replacing what a test needs. */
export function usage(over: Partial<Usage> = {}): Usage {
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
