// Types shared by the server and its route modules.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Account } from './accounts.ts';
import type { Role, TokenClaims } from './jwt.ts';

/**
 * - `today`: the host as it is: panel /api/billing/* not mounted (404), tenant v1 answers 401.
 * - `seed`: the seed's "Change 1" applied: panel family mounted.
 * - `fixed`: additionally the tenant v1 family resolves the tenant (and its invoice bug is fixed).
 */
export type HostState = 'today' | 'seed' | 'fixed';
export const HOST_STATES: readonly HostState[] = ['today', 'seed', 'fixed'];

export interface AuthInfo {
  claims: TokenClaims;
  /** the seeded account (or a synthetic one for custom tokens with an unknown sub) */
  account: Account;
  role: Role;
  kind: 'v1' | 'legacy';
  /** tenant claim of the token (legacy tokens) */
  tenantClaim: string | null;
  /** memberships the token proves (legacy tenant_ids; [] for v1 tokens) */
  tenantIds: string[];
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  ip: string;
  state: HostState;
  /** The host with 50 tenants (./scale-tenants.ts), not the seeded three alone. */
  scale: boolean;
  auth: AuthInfo | null;
  /** tenant the request runs under: X-Switch-Tenant-ID, X-Tenant-ID (validated), or the token's claim */
  tenantContext: string | null;
  /** X-Tenant-ID when present and accepted */
  headerTenant: string | null;
  readBody(): Promise<unknown>;
}

export type RouteHandler = (ctx: Ctx) => Promise<boolean> | boolean;
