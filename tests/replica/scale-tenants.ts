/**
 * Scale mode: the host with 50 tenants, for the overview's scale figures (issue #24). Off by
 * default: the default replica has its three seeded tenants only.
 *
 * Turn it on: `startReplica({ scale: true })`, `replica.setScale(true)` (in process, e.g. in an
 * e2e test through the `replica` fixture), `POST /__replica/scale {"enabled": true}`, or
 * `npm run replica -- --scale`. `/__replica/reset` keeps it, like the host state.
 *
 * The tenants: SCALE_MODE_TENANT_IDS = BELGO-001, TECH-001, STARTUP-001 (their own figures, as
 * always) and SCALE-001 … SCALE-047. A third of the new ones have no plan (trial: 0 included, as
 * the host writes it; every id whose number divides by 3), the others a starter or professional
 * plan; some used more than their plan; some had last month's usage, some did not (every fourth
 * is new this month). OTHER_CURRENCY_TENANT (SCALE-010) is billed in USD: the host names no
 * currency anywhere in usage (docs/host.md §4: BRL), so its bodies carry `currency: "USD"` beside
 * the cents, as invoices do (billing-data.ts V1Figures.currency).
 *
 * How a person reaches them, as on the real host:
 * - an ADMIN (belgo_admin, tech_admin) signed in through /login (v1 token): nothing is listed, admin
 *   v1 answers any tenant id, so they are "chosen by you": typed in the options (up to 50);
 * - platform_admin (SUPER_ADMIN, legacy token): all 50 host-listed; but admin v1 refuses a
 *   SUPER_ADMIN, so figures come only from the panel in state `seed` (simulated, the same for all);
 * - an ADMIN's legacy token lists their own membership only (host-listed), the rest typed.
 *
 * The refused tenant (REFUSED_TENANT_ID, REFUSED-001) is a fault case only, in any mode: without
 * the fault admin v1 answers it with zeros like any id. On: `refuseTenant(replica.faults)`,
 * `npm run replica -- --refuse-tenant`, or each of REFUSED_TENANT_FAULTS through
 * `POST /__replica/faults {prefix, fault}`. The refusal is the host's own for a tenant that is not
 * the caller's (its tenant middleware: 403 NOT_MEMBER), on admin v1 and the panel, the families
 * that name the tenant in the URL (tenant v1 takes it from the token's claim).
 */
import { createHash } from 'node:crypto';
import type { Tenant } from './accounts.ts';
import { TENANTS } from './accounts.ts';
import type { V1Figures } from './billing-data.ts';
import type { Fault, FaultTable } from './faults.ts';

const COUNT = 47;
const ids = Array.from({ length: COUNT }, (_, i) => `SCALE-${String(i + 1).padStart(3, '0')}`);

export const SCALE_MODE_TENANT_IDS: readonly string[] = [...TENANTS.map((t) => t.tenant_id), ...ids];
export const OTHER_CURRENCY_TENANT = 'SCALE-010';
export const REFUSED_TENANT_ID = 'REFUSED-001';

type Limits = NonNullable<V1Figures['limits']>;
const PLANS: Record<'starter' | 'professional', Limits> = {
  starter: { api_calls: 5000, tokens: 500_000, storage_mb: 5120, compute_minutes: 300 },
  professional: { api_calls: 50_000, tokens: 2_000_000, storage_mb: 20_480, compute_minutes: 1200 },
};
const COLORS = ['#0EA5E9', '#8B5CF6', '#F43F5E', '#22C55E', '#EAB308', '#64748B'];

const planOf = (n: number) => (n % 3 === 0 ? null : n % 3 === 1 ? 'professional' : 'starter');

/** Tenant n's month: BELGO-001's shape times a factor from 0.125 to 3, priced as BELGO-001's. */
function figuresOf(n: number): V1Figures {
  const k = (((n * 37) % 23) + 1) / 8;
  const api = Math.round(120 * k);
  const [input, output] = [Math.round(660_000 * k), Math.round(390_000 * k)];
  const mb = Math.round(1250 * (0.5 + k / 2));
  const seconds = Math.round(7200 * k);
  const plan = planOf(n);
  const last = 0.7 + (n % 6) / 10;
  return {
    metrics: { api_calls: api, llm_tokens_input: input, llm_tokens_output: output, storage_mb: mb, compute_seconds: seconds, active_users: 1 + (n % 7), active_sessions: n % 2, logins_count: n % 9, file_uploads: n % 5, file_downloads: n % 3 },
    costs: { api_cents: api, llm_cents: Math.round((input + output) * 0.0015), storage_cents: Math.round(mb * 0.487), compute_cents: Math.round(seconds * 0.0554) },
    limits: plan ? { ...PLANS[plan] } : null,
    aggregateId: `AGG-${createHash('sha256').update(ids[n - 1]!).digest('hex').slice(0, 12).toUpperCase()}`,
    events: 0,
    history: n % 4 === 0 ? [] : [{ api: last, llm: last * 0.9, storage: 0.95, compute: last }, { api: 0.5, llm: 0.4, storage: 0.9, compute: 0.5 }],
    ...(ids[n - 1] === OTHER_CURRENCY_TENANT ? { currency: 'USD' } : {}),
  };
}

/** The billing service's figures of SCALE-001 … SCALE-047 (the seeded three keep theirs). */
export const SCALE_FIGURES: Readonly<Record<string, V1Figures>> = Object.fromEntries(ids.map((id, i) => [id, figuresOf(i + 1)]));

const SCALE_TENANTS: readonly Tenant[] = ids.map((id, i) => {
  const n = i + 1;
  const name = `Cliente Escala ${String(n).padStart(2, '0')}`;
  const color = COLORS[n % COLORS.length]!;
  return {
    tenant_id: id, name, slug: `escala-${n}`, plan: planOf(n) ?? 'starter', status: planOf(n) ? 'active' : 'trial',
    branding: { primary_color: color, secondary_color: '#FF6C00', logo_url: '/static/logos/default.svg', display_name: name },
    features: { stories: true, kanban: true },
  };
});

/** The host's tenants: the seeded three, and in scale mode the 47 more. */
export function tenantDirectory(scale: boolean): readonly Tenant[] {
  return scale ? [...TENANTS, ...SCALE_TENANTS] : TENANTS;
}

export function findTenantIn(scale: boolean, id: string | null | undefined): Tenant | undefined {
  return id ? tenantDirectory(scale).find((t) => t.tenant_id === id) : undefined;
}

const NOT_MEMBER: Fault = {
  status: 403,
  contentType: 'application/json',
  body: JSON.stringify({ detail: 'User does not belong to this tenant', code: 'NOT_MEMBER' }),
  headers: { 'x-error-code': 'NOT_MEMBER' },
};

/** prefix (path + query) → the refusal, for every URL that names REFUSED_TENANT_ID. */
export const REFUSED_TENANT_FAULTS: Readonly<Record<string, Fault>> = {
  [`/api/v1/admin/billing/usage/${REFUSED_TENANT_ID}`]: NOT_MEMBER,
  ...Object.fromEntries(['usage', 'invoices', 'projections', 'timeline'].map((part) => [`/api/billing/${part}?tenant_id=${REFUSED_TENANT_ID}`, NOT_MEMBER])),
};

/** Turns the refused tenant on in a replica's fault table (cleared with the other faults). */
export function refuseTenant(faults: FaultTable): void {
  for (const [prefix, fault] of Object.entries(REFUSED_TENANT_FAULTS)) faults.set(prefix, fault);
}
