/**
 * What every billing family of the host is to the background: its requests, how each answer
 * is read for the tenant asked about, and whether its figures are real. One module per family
 * (panel.ts, tenant-v1.ts, admin-v1.ts) holds its endpoints, schemas and parsers together;
 * which family gives the bill is decided in lib/background/family-policy.ts.
 */
import type { Endpoint } from '@/lib/host/http/endpoints';
import type { Family, InvoiceList, Result, Projections, Quotas, TimelinePoint, Usage } from '@/lib/billing/model';
import { bad, type Read } from '@/lib/host/result';

/** How many invoices a family is asked for: enough for the full page's first pages. */
export const INVOICE_LIMIT = 50;

/** A family (or an answer) that names no included quotas: every meter says "not named". */
export const NO_QUOTAS: Quotas = { api: null, llm: null, storage: null, compute: null };

/** One request of a family and how its answer is read. */
export interface PartSource<T> {
  endpoint: Endpoint;
  read(json: unknown): Result<T>;
}

export interface FamilyParts {
  usage: PartSource<Usage>;
  /** null: the family has no such list, which the UI says as "not available", never "none". */
  invoices: PartSource<InvoiceList> | null;
  projections: PartSource<Projections> | null;
  timeline: PartSource<TimelinePoint[]> | null;
}

export interface HostFamily {
  id: Family;
  /** The host generates these figures rather than measuring them. */
  simulated: boolean;
  /** Every URL of the family, built from the configured origin and a validated tenant id. */
  parts(origin: string, tenantId: string, now: Date): FamilyParts;
  /**
   * The usage of one calendar month (validated "YYYY-MM"), or null where the family has no
   * figures per month (the panel only knows rolling periods: the last day, week, month, year).
   */
  monthUsage: ((origin: string, tenantId: string, month: string) => PartSource<Usage>) | null;
}

/** A value read from a body, with every tenant id the body names. */
export interface Named<T> {
  value: T;
  tenants: string[];
}

/** Reads with `parse`, for tenant `asked` only: another tenant's figures never show under its name. */
export function readFor<T>(asked: string, parse: (json: unknown) => Read<Named<T>>): (json: unknown) => Result<T> {
  return (json) => {
    const result = parse(json);
    if (!result.ok) return result;
    if (result.value.tenants.some((named) => named !== asked)) return { ok: false, error: { kind: 'otherTenant' } };
    return { ok: true, value: result.value.value };
  };
}

/** Reads a month's usage, for that month only: another month's figures never show under its name. */
export function readMonth(month: string, read: (json: unknown) => Result<Usage>): (json: unknown) => Result<Usage> {
  return (json) => {
    const result = read(json);
    if (!result.ok || result.value.month === month) return result;
    return bad(`usage.month: not the month asked for`);
  };
}
