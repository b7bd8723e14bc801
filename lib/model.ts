/**
 * The one billing model every UI reads. The background turns whichever host endpoint family
 * answered into this shape, so the UIs never see the host's three disagreeing formats.
 */

/** Money is always integer cents plus the ISO 4217 code the data named (never floats). */
export interface Money {
  cents: number;
  currency: string;
}

/** The host's endpoint families, in the order the background tries them. */
export type Family = 'panel' | 'tenantV1' | 'adminV1';

export interface UsageMetrics {
  apiCalls: number;
  tokensTotal: number;
  tokensIn: number;
  tokensOut: number;
  storageMb: number;
  computeMinutes: number;
}

export interface CostSplit {
  api: Money;
  llm: Money;
  storage: Money;
  compute: Money;
}

export interface Usage {
  /** Human period label from the host, e.g. "2026-11" or "month". */
  period: string;
  periodStart: string | null;
  periodEnd: string | null;
  total: Money;
  split: CostSplit;
  metrics: UsageMetrics;
}

export type InvoiceStatus = 'paid' | 'pending' | 'overdue' | 'draft' | 'void' | 'other';

export interface Invoice {
  id: string;
  /** The host's invoice number; the panel family has none, so it falls back to the id. */
  number: string;
  period: string;
  total: Money;
  status: InvoiceStatus;
  /** The host's own status text, kept for "other" and for tooltips. */
  rawStatus: string;
  dueDate: string | null;
  paidAt: string | null;
}

export interface TimelinePoint {
  date: string;
  apiCalls: number;
  tokens: number;
  cost: Money;
}

export interface Projections {
  spent: Money;
  projectedTotal: Money;
  daysRemaining: number;
  nextMonth: Money | null;
  budget: { monthlyLimit: Money; usagePct: number; alertThreshold: number } | null;
}

/** A closed set of failures that the UI words for people. */
export type BillingError =
  /** `neverSignedIn`: no session was ever reported for the dashboard (first run), not one that ended. */
  | { kind: 'signedOut'; neverSignedIn?: true }
  | { kind: 'noAccess' }
  | { kind: 'notAvailable' }
  /** The host vouches for no tenant of this person: they must confirm one (`hint`: the page's guess). */
  | { kind: 'tenantUnconfirmed'; hint: string | null }
  /** `retryAfter`: seconds the host asked us to wait (429/503 with Retry-After). */
  | { kind: 'server'; status: number; retryAfter?: number }
  | { kind: 'badResponse'; detail: string }
  | { kind: 'timeout' }
  | { kind: 'offline' };

/** A part that loaded, or the reason it did not. `null` data with no error never happens. */
export type Part<T> = { ok: true; data: T } | { ok: false; error: BillingError };

export interface BillingSnapshot {
  origin: string;
  tenantId: string;
  family: Family;
  /** Epoch milliseconds when the host answered. */
  fetchedAt: number;
  /** A family "answers" when its usage endpoint does, so usage is never missing here. */
  usage: Usage;
  invoices: Part<Invoice[]>;
  projections: Part<Projections>;
  timeline: Part<TimelinePoint[]>;
}
