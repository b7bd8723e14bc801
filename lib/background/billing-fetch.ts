/**
 * One billing snapshot for an origin and tenant from whichever endpoint family answers.
 * The host has three families and none is complete (docs/host.md section 4): the family that
 * answered last time is tried first, then the others in order; a family "answers" when its
 * usage endpoint does. Its other parts load in parallel and may fail on their own: a part that
 * failed says why instead of pretending to be empty.
 */
import type { BillingError, BillingSnapshot, Family, Invoice, Part, Usage } from '../model';
import { familyEndpoints, type Endpoint } from '../api/endpoints';
import { hostFetch } from '../api/host-fetch';
import {
  normalizeAdminV1Usage,
  normalizePanelInvoices,
  normalizePanelUsage,
  normalizeProjections,
  normalizeTenantV1Invoices,
  normalizeTenantV1Usage,
  normalizeTimeline,
  type Result,
} from '../host/normalize';

export const FAMILY_ORDER: readonly Family[] = ['panel', 'tenantV1', 'adminV1'];

interface FamilyParsers {
  usage: (json: unknown) => Result<Usage>;
  invoices: ((json: unknown) => Result<Invoice[]>) | null;
}

const PARSERS: Record<Family, FamilyParsers> = {
  panel: { usage: normalizePanelUsage, invoices: normalizePanelInvoices },
  tenantV1: {
    usage: normalizeTenantV1Usage,
    invoices: (json) => {
      const page = normalizeTenantV1Invoices(json);
      return page.ok ? { ok: true, data: page.data.invoices } : page;
    },
  },
  // The admin family has no invoice list: the part reports "not available", never "none".
  adminV1: { usage: normalizeAdminV1Usage, invoices: null },
};

/** Which error explains best why no family answered: the most specific one wins. */
const ERROR_RANK: Record<BillingError['kind'], number> = {
  signedOut: 6, badResponse: 5, server: 4, noAccess: 3, timeout: 2, offline: 2, notAvailable: 1, tenantUnconfirmed: 0,
};

/** Session-level failures: no other family can do better, so stop trying. */
function isFinal(error: BillingError): boolean {
  return error.kind === 'signedOut' || error.kind === 'timeout' || error.kind === 'offline';
}

async function part<T>(
  endpoint: Endpoint | null,
  normalize: ((json: unknown) => Result<T>) | null,
  token: string,
  signal: AbortSignal,
): Promise<Part<T>> {
  if (!endpoint || !normalize) return { ok: false, error: { kind: 'notAvailable' } };
  const result = await hostFetch(endpoint, { token, signal });
  if (!result.ok) return result;
  return normalize(result.json);
}

/**
 * A known family loads all its parts at once. While probing, usage goes first so that a
 * family that is not there costs one request, not four.
 */
async function fromFamily(
  family: Family,
  ctx: { origin: string; tenantId: string; token: string; signal: AbortSignal; now: Date },
  probing: boolean,
): Promise<Part<BillingSnapshot>> {
  const { origin, tenantId, token, signal } = ctx;
  const endpoints = familyEndpoints(family, origin, tenantId, ctx.now);
  const parsers = PARSERS[family];
  const usagePromise = part(endpoints.usage, parsers.usage, token, signal);
  if (probing) {
    const usage = await usagePromise;
    if (!usage.ok) return usage;
  }
  const [usage, invoices, projections, timeline] = await Promise.all([
    usagePromise,
    part(endpoints.invoices, parsers.invoices, token, signal),
    part(endpoints.projections, normalizeProjections, token, signal),
    part(endpoints.timeline, normalizeTimeline, token, signal),
  ]);
  if (!usage.ok) return usage;
  return { ok: true, data: { origin, tenantId, family, fetchedAt: Date.now(), usage: usage.data, invoices, projections, timeline } };
}

export async function fetchSnapshot(
  origin: string,
  tenantId: string,
  token: string,
  options: { preferred: Family | null; signal: AbortSignal; now?: Date },
): Promise<Part<BillingSnapshot>> {
  const order = options.preferred ? [options.preferred, ...FAMILY_ORDER.filter((f) => f !== options.preferred)] : FAMILY_ORDER;
  const ctx = { origin, tenantId, token, signal: options.signal, now: options.now ?? new Date() };
  let best: BillingError | null = null;
  for (const family of order) {
    const result = await fromFamily(family, ctx, family !== options.preferred);
    if (result.ok) return result;
    if (isFinal(result.error)) return result;
    if (!best || ERROR_RANK[result.error.kind] > ERROR_RANK[best.kind]) best = result.error;
  }
  return { ok: false, error: best ?? { kind: 'notAvailable' } };
}
