/** What the tests of the full page's widgets share: a host answer with projections, or none. */
import type { Result, Projections } from '@/lib/billing/model';
import { brl } from '@/tests/support/usage';

/** An element's text without the whitespace around it. */
export const text = (el: Element | null | undefined) => el?.textContent?.trim();

export const notAvailable = { ok: false, error: { kind: 'notAvailable' } } as const;

/** R$ 245,80 spent with 12 days left; the host's monthly limit in cents, or none. */
export function projections(limitCents: number | null): Result<Projections> {
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
