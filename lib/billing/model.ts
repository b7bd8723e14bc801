/**
 * The one billing model every UI reads. The background turns whichever host endpoint family
 * answered into this shape, so the UIs never see the host's three disagreeing formats.
 */

/** Money is always integer cents plus the ISO 4217 code the data named (never floats). */
export interface Money {
  cents: number;
  currency: string;
}

/** The host's billing endpoint families (docs/host.md §4); lib/background/billing/family-policy.ts ranks them. */
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

/** How much of one of the plan's included amounts a month used, in the resource's own unit. */
export interface Quota {
  used: number;
  /** Always above 0: a host that names 0 (or nothing) included names no quota (`null` below). */
  included: number;
}

/** Calls, tokens, MB and minutes against the plan; `null` where the host names no quota. */
export interface Quotas {
  api: Quota | null;
  llm: Quota | null;
  storage: Quota | null;
  compute: Quota | null;
}

export interface EndpointCalls {
  endpoint: string;
  calls: number;
}

export interface Usage {
  /** Human period label from the host, e.g. "2026-11" or "month" (never shown raw). */
  period: string;
  periodStart: string | null;
  periodEnd: string | null;
  /** The calendar month ("YYYY-MM") the figures are for; null for the panel's rolling period. */
  month: string | null;
  total: Money;
  split: CostSplit;
  metrics: UsageMetrics;
  quotas: Quotas;
  /** API calls per endpoint, most called first, where the host counts them (the panel). */
  callsByEndpoint: EndpointCalls[] | null;
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

/** An invoice list as read: the rows that could be read, and how many could not (dropped). */
export interface InvoiceList {
  invoices: Invoice[];
  unreadable: number;
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
  /** The answer was about another tenant than the one asked for: nothing of it is shown. */
  | { kind: 'otherTenant' }
  /** The host vouches for no tenant of this person: they must confirm one (`hint`: the page's guess). */
  | { kind: 'tenantUnconfirmed'; hint: string | null }
  /** `retryAt`: epoch ms before which the host asked not to be called (429/503 Retry-After). */
  | { kind: 'server'; status: number; retryAt?: number }
  | { kind: 'badResponse'; detail: string }
  /** The body passed `limitBytes` and was cut off unread. */
  | { kind: 'tooLarge'; limitBytes: number }
  /** The host answered with a redirect: only the dashboard's own answers are believed. */
  | { kind: 'redirected' }
  | { kind: 'timeout' }
  | { kind: 'offline' }
  /** The browser refused to keep the extension's data (storage.session). */
  | { kind: 'storage' };

/** Errors after which figures already shown must go: the host refused the person, or no tenant of theirs is confirmed. */
export const WITHDRAWS_FIGURES: ReadonlySet<BillingError['kind']> = new Set(['signedOut', 'noAccess', 'tenantUnconfirmed']);

/** The one result of every layer (host reads, the cache, the protocol's replies): a value, or why there is none. */
export type Result<T, E = BillingError> = { ok: true; value: T } | { ok: false; error: E };

/** The failed Result, where the error is a BillingError. */
export const fail = (error: BillingError): { ok: false; error: BillingError } => ({ ok: false, error });

/**
 * What the host answered for one tenant. The current month's snapshot has every part; a past
 * month's (a `billing.get` with `month`) has that month's usage only, from the family that gave
 * the current one: its other parts are `notAvailable` (lists and projections are not per month).
 */
export interface BillingSnapshot {
  origin: string;
  tenantId: string;
  /** The family that gave the usage total; every other part comes from it too. */
  family: Family;
  /** The family's figures are generated by the host, not measured (the panel: docs/host.md §4A). */
  simulated: boolean;
  /** Epoch milliseconds when the host answered. */
  fetchedAt: number;
  /** A family "answers" when its usage endpoint does, so usage is never missing here. */
  usage: Usage;
  invoices: Result<InvoiceList>;
  projections: Result<Projections>;
  timeline: Result<TimelinePoint[]>;
}
