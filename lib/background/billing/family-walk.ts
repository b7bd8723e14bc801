/**
 * One billing snapshot for an origin and tenant: a walk down the families as
 * ./family-policy.ts orders and judges them. A family "answers" when its usage endpoint does;
 * its other parts then load from that same family (every figure on screen comes from the
 * family that gave the total) and may fail on their own, saying why instead of being empty.
 */
import type { BillingError, BillingSnapshot, Family, Result } from '@/lib/billing/model';
import { hostFetch } from '@/lib/host/http/fetch';
import { decodeJwtClaims } from '@/lib/host/normalize';
import type { HostFamily, PartSource } from '@/lib/host/families/family';
import { panel } from '@/lib/host/families/panel';
import { tenantV1 } from '@/lib/host/families/tenant-v1';
import { adminV1 } from '@/lib/host/families/admin-v1';
import { droppedAfter, familiesToTry, goesOnAfterTransient, mostTelling, verdictFor, type TokenFacts } from '@/lib/background/billing/family-policy';

const FAMILIES: Record<Family, HostFamily> = { panel, tenantV1, adminV1 };

/** Whose bill: a tenant on a dashboard origin, read with a session's token. */
export interface TenantRead {
  origin: string;
  tenantId: string;
  token: string;
}

/** A past month of a tenant, read from `current`: the family that gave the current month. */
export interface MonthRead extends TenantRead {
  current: Pick<BillingSnapshot, 'family' | 'simulated'>;
  month: string;
}

export interface WalkStart {
  /** The family that answered last time for this tenant (from the cache), if any. */
  known: Family | null;
  /** Families the host said are not there for this person, this session. */
  dropped: readonly Family[];
  signal: AbortSignal;
  now?: Date;
}

export interface WalkResult {
  result: Result<BillingSnapshot>;
  /** The dropped families after this walk (to keep for the next one). */
  dropped: Family[];
}

interface Ctx extends TenantRead {
  signal: AbortSignal;
  now: Date;
}

function tokenFacts(token: string): TokenFacts {
  const claims = decodeJwtClaims(token);
  return { hasTenantClaim: !!claims?.tenantId || (claims?.tenantIds?.length ?? 0) > 0 };
}

const NOT_AVAILABLE: Result<never> = { ok: false, error: { kind: 'notAvailable' } };

async function part<T>(source: PartSource<T> | null, ctx: Ctx): Promise<Result<T>> {
  if (!source) return NOT_AVAILABLE;
  const result = await hostFetch(source.endpoint, { token: ctx.token, signal: ctx.signal });
  return result.ok ? source.read(result.value) : result;
}

/**
 * The family that answered last time loads all its parts at once. Any other goes usage first,
 * so a family that is not there costs one request, not four.
 */
async function fromFamily(family: HostFamily, ctx: Ctx, probing: boolean): Promise<Result<BillingSnapshot>> {
  const parts = family.parts(ctx.origin, ctx.tenantId, ctx.now);
  const usagePromise = part(parts.usage, ctx);
  if (probing) {
    const usage = await usagePromise;
    if (!usage.ok) return usage;
  }
  const [usage, invoices, projections, timeline] = await Promise.all([
    usagePromise,
    part(parts.invoices, ctx),
    part(parts.projections, ctx),
    part(parts.timeline, ctx),
  ]);
  if (!usage.ok) return usage;
  return {
    ok: true,
    value: {
      origin: ctx.origin,
      tenantId: ctx.tenantId,
      family: family.id,
      simulated: family.simulated,
      fetchedAt: Date.now(),
      usage: usage.value,
      invoices,
      projections,
      timeline,
    },
  };
}

/**
 * One past month of a tenant, from the family that gave the current month: every figure on
 * screen comes from one family. A family without months says so instead of another family
 * answering for it.
 */
export async function fetchMonth(read: MonthRead, signal: AbortSignal): Promise<Result<BillingSnapshot>> {
  const { origin, tenantId, token, current } = read;
  const source = FAMILIES[current.family].monthUsage?.(origin, tenantId, read.month) ?? null;
  const usage = await part(source, { origin, tenantId, token, signal, now: new Date() });
  if (!usage.ok) return usage;
  return {
    ok: true,
    value: {
      origin,
      tenantId,
      family: current.family,
      simulated: current.simulated,
      fetchedAt: Date.now(),
      usage: usage.value,
      invoices: NOT_AVAILABLE,
      projections: NOT_AVAILABLE,
      timeline: NOT_AVAILABLE,
    },
  };
}

export async function fetchSnapshot({ origin, tenantId, token }: TenantRead, start: WalkStart): Promise<WalkResult> {
  const ctx: Ctx = { origin, tenantId, token, signal: start.signal, now: start.now ?? new Date() };
  const facts = tokenFacts(token);
  const droppedNow: Family[] = [];
  const finish = (result: Result<BillingSnapshot>): WalkResult => ({
    result,
    dropped: droppedAfter(start.dropped, droppedNow, result.ok ? result.value.family : null),
  });
  const order = familiesToTry(start.dropped);
  // A family dropped since it last answered is known no more.
  const known = start.known && order.includes(start.known) ? start.known : null;
  let best: BillingError | null = null;
  for (const id of order) {
    const result = await fromFamily(FAMILIES[id], ctx, id !== known);
    if (result.ok) return finish(result);
    const verdict = verdictFor(id, result.error, facts, known);
    if (verdict === 'stop') return finish(result);
    if (verdict === 'transient' && !goesOnAfterTransient(id, known)) return finish(result);
    if (verdict === 'drop') droppedNow.push(id);
    // A systematic 500 is the host saying "not here" in its own way: told as such.
    best = mostTelling(best, verdict === 'drop' && result.error.kind === 'server' ? { kind: 'notAvailable' } : result.error);
  }
  return finish({ ok: false, error: best ?? { kind: 'notAvailable' } });
}
