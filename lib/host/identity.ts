/**
 * Who is signed in, whether they may see billing, and which tenants they can pick. A tenant id
 * the host names (listed, current, or in the token's claims) is kept only if it passes the
 * pattern a typed one must (TENANT_ID_PATTERN): it becomes a URL and a cache key like any other.
 */
import { TENANT_ID_PATTERN } from '@/lib/billing/tenant-id';
import { hostText, parseWith, type Read } from '@/lib/host/result';
import { AuthMeSchema, PermissionsSchema, UserTenantsSchema } from '@/lib/host/schemas';

/** Roles the host lets read billing (docs/host.md §3: ADMIN has billing:read, SUPER_ADMIN manage). */
const BILLING_ROLES = new Set(['ADMIN', 'SUPER_ADMIN']);

export function roleCanSeeBilling(role: string): boolean {
  return typeof role === 'string' && role.length < 64 && BILLING_ROLES.has(role.trim().toUpperCase());
}

/** `GET /api/user/permissions`: billing is visible with `billing: ["read"]` or `["manage"]`. */
export function parsePermissions(json: unknown): Read<{ role: string; canSeeBilling: boolean }> {
  return parseWith('permissions', PermissionsSchema, json, (body) => {
    const billing = body.permissions?.billing ?? [];
    const canSeeBilling = billing.some((action) => {
      const word = action.trim().toLowerCase();
      return word === 'read' || word === 'manage';
    });
    return { role: hostText(body.role), canSeeBilling };
  });
}

/** `GET /api/v1/auth/me`. */
export function parseAuthMe(json: unknown): Read<{ role: string }> {
  return parseWith('authMe', AuthMeSchema, json, (body) => ({ role: hostText(body.role) }));
}

interface UserTenant {
  id: string;
  name: string;
  /** The tenant's brand colour as `#rgb`/`#rrggbb`(aa), or null when absent or not a colour. */
  color: string | null;
}

interface UserTenants {
  tenants: UserTenant[];
  current: string | null;
}

/** The SUPER_ADMIN's pseudo-tenant: a view of the platform, not a billable tenant. */
const PLATFORM_TENANT_ID = '__platform__';
const HEX_COLOR = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

const isTenantId = (id: unknown): id is string => typeof id === 'string' && TENANT_ID_PATTERN.test(id);

/** `GET /api/user/tenants`, minus the platform entry and any id that is no tenant id. */
export function parseUserTenants(json: unknown): Read<UserTenants> {
  return parseWith('tenants', UserTenantsSchema, json, (body) => {
    const platformIds = new Set<string>([PLATFORM_TENANT_ID]);
    for (const t of body.tenants) if (t.is_platform === true) platformIds.add(t.tenant_id);
    const current = isTenantId(body.current) && !platformIds.has(body.current) ? body.current : null;
    const tenants = body.tenants
      .filter((t) => isTenantId(t.tenant_id) && !platformIds.has(t.tenant_id))
      .slice(0, 500)
      .map((t): UserTenant => {
        const color = t.branding?.primary_color ?? null;
        return {
          id: t.tenant_id,
          // A name that is nothing once cleaned reads as its id, never as a blank.
          name: hostText(t.name ?? t.branding?.display_name ?? '') || hostText(t.tenant_id),
          color: color !== null && HEX_COLOR.test(color) ? color : null,
        };
      });
    return { tenants, current };
  });
}

interface JwtClaims {
  role?: string;
  exp?: number;
  tenantId?: string;
  tenantIds?: string[];
  sub?: string;
}

/** Longest token decoded; real ones are a few hundred characters. */
const MAX_TOKEN = 8192;

function decodeBase64Url(segment: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return null;
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Reads a JWT's payload claims without verifying anything (the server verifies; this only
 * guides the UI). Returns null for anything that is not a readable JWT. Never throws.
 */
export function decodeJwtClaims(token: string): JwtClaims | null {
  try {
    if (typeof token !== 'string' || token.length > MAX_TOKEN) return null;
    const parts = token.trim().replace(/^Bearer\s+/i, '').split('.');
    if (parts.length !== 3 || !parts[1]) return null;
    const text = decodeBase64Url(parts[1]);
    if (text === null) return null;
    const payload: unknown = JSON.parse(text);
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
    const raw = payload as Record<string, unknown>;
    const claims: JwtClaims = {};
    if (typeof raw.role === 'string') claims.role = hostText(raw.role);
    if (typeof raw.exp === 'number' && Number.isFinite(raw.exp)) claims.exp = raw.exp;
    if (isTenantId(raw.tenant_id)) claims.tenantId = raw.tenant_id;
    if (Array.isArray(raw.tenant_ids)) claims.tenantIds = raw.tenant_ids.filter(isTenantId).slice(0, 500);
    if (typeof raw.sub === 'string') claims.sub = hostText(raw.sub);
    return claims;
  } catch {
    return null;
  }
}
