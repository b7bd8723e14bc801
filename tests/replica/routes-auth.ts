// Auth, user and tenant endpoints: logins, /api/v1/auth/me, /api/user/*, /api/projects, /api/tenants ...
import { ACCOUNTS, PLATFORM_ENTRY, PROJECTS, findAccount, membershipRole } from './accounts.ts';
import { findTenantIn, tenantDirectory } from './scale-tenants.ts';
import type { Account } from './accounts.ts';
import type { Ctx } from './context.ts';
import { pyIso, sendJson, sendPermissionDenied, setContext } from './headers.ts';
import { DEFAULT_TTL_SECONDS, signToken } from './jwt.ts';
import type { Role } from './jwt.ts';

export const LOGIN_LIMIT = 5;
const WINDOW_MS = 60_000;

/** 5 login attempts per minute per endpoint and IP. */
export class LoginRateLimiter {
  private readonly hits = new Map<string, number[]>();
  enabled = true;
  /** Returns remaining attempts, or a negative number of seconds to wait. */
  hit(key: string, now = Date.now()): { ok: boolean; remaining: number; retryAfter: number } {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (this.enabled && list.length >= LOGIN_LIMIT) {
      this.hits.set(key, list);
      return { ok: false, remaining: 0, retryAfter: Math.max(1, Math.ceil((list[0]! + WINDOW_MS - now) / 1000)) };
    }
    list.push(now);
    this.hits.set(key, list);
    return { ok: true, remaining: Math.max(0, LOGIN_LIMIT - list.length), retryAfter: 0 };
  }
  reset(): void {
    this.hits.clear();
  }
}

function fieldRequired(loc: string) {
  return { detail: [{ type: 'missing', loc: ['body', loc], msg: 'Field required', input: null }] };
}

export async function handleLogin(ctx: Ctx, kind: 'v1' | 'legacy', limiter: LoginRateLimiter): Promise<void> {
  const rl = limiter.hit(`${ctx.path}|${ctx.ip}`);
  setContext(ctx.res, { rateLimit: { limit: LOGIN_LIMIT, remaining: rl.remaining } });
  if (!rl.ok) {
    sendJson(ctx.res, 429, { detail: 'Too many login attempts' }, { headers: { 'retry-after': String(rl.retryAfter) } });
    return;
  }
  const body = (await ctx.readBody()) as { username?: unknown; password?: unknown } | null;
  if (!body || typeof body !== 'object' || typeof body.username !== 'string') return sendJson(ctx.res, 422, fieldRequired('username'));
  if (typeof body.password !== 'string') return sendJson(ctx.res, 422, fieldRequired('password'));
  const acc = findAccount(body.username);
  if (!acc || acc.password !== body.password) {
    sendJson(ctx.res, 401, { detail: 'Invalid username or password' });
    return;
  }
  const exp = Math.floor(Date.now() / 1000) + DEFAULT_TTL_SECONDS;
  const expiresAt = pyIso(new Date(exp * 1000));
  if (kind === 'v1') {
    const token = signToken({ sub: acc.username, role: acc.role, force_password_change: acc.force_password_change, exp, kid: 'env_key' });
    sendJson(ctx.res, 200, {
      access_token: token,
      token_type: 'bearer',
      expires_at: expiresAt,
      force_password_change: acc.force_password_change,
      user: { id: acc.id, username: acc.username, email: acc.email, role: acc.role },
    });
    return;
  }
  const tenantId = acc.tenants[0] ?? null;
  const token = signToken({ sub: acc.username, role: acc.role, user_id: acc.id, tenant_id: tenantId, tenant_ids: acc.tenants, exp });
  sendJson(ctx.res, 200, {
    access_token: token,
    token_type: 'bearer',
    username: acc.username,
    role: acc.role,
    tenant_id: tenantId,
    tenant_ids: [...acc.tenants],
    expires_at: expiresAt,
  });
}

// ------------------------------------------------------------------ permissions / persona

const ADMIN_PERMS: Record<string, string[]> = {
  projects: ['manage'], api_keys: ['manage'], reports: ['manage'], designs: ['manage'], billing: ['read'],
  documents: ['manage'], users: ['manage'], integrations: ['manage'], workers: ['manage'], roles: ['manage'],
  code: ['manage'], metrics: ['manage'], audit_logs: ['read'], stories: ['manage'], webhooks: ['manage'],
  tasks: ['manage'], tenant_settings: ['manage'], jobs: ['manage'],
};
const DEV_PERMS: Record<string, string[]> = {
  jobs: ['execute', 'read'], documents: ['manage'], workers: ['read'], designs: ['read'], code: ['manage'],
  attachments: ['manage'], projects: ['read'], stories: ['update', 'read'], tasks: ['manage'],
};
const PM_PERMS: Record<string, string[]> = {
  projects: ['manage'], stories: ['manage'], tasks: ['manage'], reports: ['read'], metrics: ['read'], documents: ['manage'], jobs: ['read'],
};
function superPerms(): Record<string, string[]> {
  const p: Record<string, string[]> = {};
  for (const k of Object.keys(ADMIN_PERMS)) p[k] = ['manage'];
  p.tenants = ['manage'];
  p.platform = ['manage'];
  return p;
}

export function permissionsFor(role: Role): Record<string, string[]> {
  if (role === 'SUPER_ADMIN') return superPerms();
  if (role === 'ADMIN') return structuredClone(ADMIN_PERMS);
  if (role === 'PROJECT_MANAGER') return structuredClone(PM_PERMS);
  return structuredClone(DEV_PERMS);
}

export function personaType(role: Role): string {
  return role.toLowerCase();
}

function canAccess(role: Role) {
  const sup = role === 'SUPER_ADMIN';
  const adm = sup || role === 'ADMIN';
  const mgr = adm || role === 'PROJECT_MANAGER';
  return { platform_portal: sup, tenant_admin: adm, manager_features: mgr, developer_features: true, edit_features: true };
}

const NAV_PRIMARY = [
  { id: 'dashboard', label: 'Dashboard', icon: 'dashboard', route: '/' },
  { id: 'projects', label: 'Projects', icon: 'folder', route: '/projects' },
  { id: 'stories', label: 'Stories', icon: 'book', route: '/stories' },
  { id: 'tasks', label: 'Tasks', icon: 'check-square', route: '/tasks' },
];
const NAV_ADMIN_EXTRA = [
  { id: 'divider1', type: 'divider' },
  { id: 'team', label: 'Team', icon: 'users', route: '/tenant-admin/members' },
];
const NAV_SECONDARY_ADMIN = [
  { id: 'settings', label: 'Settings', icon: 'cog', route: '/tenant-admin/settings' },
  { id: 'integrations', label: 'Integrations', icon: 'plug', route: '/tenant-admin/integrations' },
  { id: 'billing', label: 'Billing', icon: 'credit-card', route: '/tenant-admin/billing' },
  { id: 'audit', label: 'Audit Logs', icon: 'shield', route: '/tenant-admin/audit-logs' },
];
const PERSONAS: Record<string, { name: string; description: string; level: number }> = {
  SUPER_ADMIN: { name: 'Super Admin', description: 'Administrador da plataforma', level: 100 },
  ADMIN: { name: 'Admin', description: 'Administrador do tenant com acesso completo', level: 10 },
  PROJECT_MANAGER: { name: 'Project Manager', description: 'Gerente de projetos', level: 7 },
  DEVELOPER: { name: 'Developer', description: 'Desenvolvedor', level: 5 },
};

function persona(ctx: Ctx) {
  const a = ctx.auth!;
  const adm = a.role === 'ADMIN' || a.role === 'SUPER_ADMIN';
  const perms = permissionsFor(a.role);
  const p = PERSONAS[a.role] ?? PERSONAS.DEVELOPER!;
  const type = personaType(a.role);
  return {
    success: true,
    authenticated: true,
    user: { id: a.kind === 'legacy' ? a.account.id : null, username: a.account.username, email: null, role: a.role },
    persona: { type, name: p.name, description: p.description, level: p.level, dashboard_type: type },
    permissions: Object.entries(perms).flatMap(([r, acts]) => acts.map((x) => `${r}:${x}`)),
    allowed_features: adm ? ['*'] : ['stories', 'kanban', 'tasks'],
    navigation: {
      primary: adm ? [...NAV_PRIMARY, ...NAV_ADMIN_EXTRA] : NAV_PRIMARY,
      secondary: adm ? NAV_SECONDARY_ADMIN : [],
      dashboard_type: type,
    },
    restrictions: { scope: a.role === 'SUPER_ADMIN' ? 'platform' : 'tenant' },
  };
}

// ------------------------------------------------------------------ tenants

function brandingOf(ctx: Ctx, id: string) {
  return { ...findTenantIn(ctx.scale, id)!.branding };
}

function userTenants(ctx: Ctx) {
  const a = ctx.auth!;
  // The login page's token (no tenant claim) lists nothing, for every role, SUPER_ADMIN included.
  if (a.kind === 'v1') return { success: true, tenants: [], current: null, can_switch: false };
  const current = ctx.tenantContext;
  if (a.role === 'SUPER_ADMIN') {
    const cur = current ?? null;
    return {
      success: true,
      tenants: [
        { ...PLATFORM_ENTRY, branding: { ...PLATFORM_ENTRY.branding } },
        ...tenantDirectory(ctx.scale).map((t) => ({ tenant_id: t.tenant_id, name: t.name, slug: t.slug, plan: t.plan, role: 'super_admin', is_current: t.tenant_id === cur, branding: brandingOf(ctx, t.tenant_id) })),
      ],
      current: cur,
      can_switch: true,
    };
  }
  const ids = a.tenantIds.filter((id) => findTenantIn(ctx.scale, id));
  return {
    success: true,
    tenants: ids.map((id) => {
      const t = findTenantIn(ctx.scale, id)!;
      return { tenant_id: t.tenant_id, name: t.name, slug: t.slug, plan: t.plan, role: membershipRole(a.role), is_current: id === current, branding: brandingOf(ctx, id) };
    }),
    current: ids.length ? (current ?? null) : null,
    can_switch: ids.length > 1,
  };
}

function projectsFor(ctx: Ctx) {
  const t = ctx.tenantContext;
  const list = t ? PROJECTS.filter((p) => p.tenant_id === t) : ctx.auth!.role === 'SUPER_ADMIN' ? PROJECTS : [];
  return list.map((p) => ({
    project_id: p.project_id, name: p.name, description: p.description, project_type: p.project_type,
    status: p.status, tenant_id: p.tenant_id, created_at: '2026-01-15T10:00:00', updated_at: '2026-01-15T10:00:00',
  }));
}

function platformTenants(ctx: Ctx) {
  const tenants = tenantDirectory(ctx.scale).map((t) => ({
    tenant_id: t.tenant_id, name: t.name, slug: t.slug, plan: t.plan, status: t.status, created_at: '2026-01-10T12:02:06.207426',
    stats: { projects: PROJECTS.filter((p) => p.tenant_id === t.tenant_id).length, stories: 0 },
    features: { ...t.features },
  }));
  return { success: true, tenants, total: tenants.length, limit: 50, offset: 0 };
}

/** Routes needing a valid token (the server has already authenticated and applied the tenant middleware). */
export function authedUserRoutes(ctx: Ctx): boolean {
  const { res, path, method } = ctx;
  const a = ctx.auth!;
  if (method !== 'GET') return false;
  switch (path) {
    case '/api/v1/auth/me':
      sendJson(res, 200, { username: a.account.username, email: null, role: a.role, active: true });
      return true;
    case '/api/user/permissions':
      sendJson(res, 200, { success: true, authenticated: true, role: a.role, persona_type: personaType(a.role), permissions: permissionsFor(a.role), can_access: canAccess(a.role) });
      return true;
    case '/api/user/persona':
      sendJson(res, 200, persona(ctx));
      return true;
    case '/api/user/tenants':
      sendJson(res, 200, userTenants(ctx));
      return true;
    case '/api/user/current-tenant': {
      const t = findTenantIn(ctx.scale, ctx.tenantContext);
      sendJson(res, 200, {
        success: true,
        tenant: t ? { tenant_id: t.tenant_id, name: t.name, slug: t.slug, plan: t.plan, status: t.status, features: { ...t.features } } : null,
        is_platform_view: false,
      });
      return true;
    }
    case '/api/projects':
      sendJson(res, 200, projectsFor(ctx));
      return true;
    case '/api/tenants':
      sendJson(res, 200, tenantDirectory(ctx.scale).filter((t) => t.status === 'active').map((t) => ({ tenant_id: t.tenant_id, id: t.tenant_id, name: t.name, slug: t.slug, plan: t.plan })));
      return true;
    case '/api/tenant/current':
      // host bug reproduced: always nulls, even with a tenant claim
      sendJson(res, 200, { tenant_id: null, tenant_name: null });
      return true;
    case '/api/platform/tenants':
      if (a.role !== 'SUPER_ADMIN') sendPermissionDenied(res, a.role, 'tenants', 'read');
      else sendJson(res, 200, platformTenants(ctx));
      return true;
    case '/api/stories':
    case '/api/epics':
    case '/api/sprints':
      sendJson(res, 200, []);
      return true;
  }
  const m = /^\/api\/projects\/([^/]+)$/.exec(path);
  if (m) {
    const p = projectsFor(ctx).find((x) => x.project_id === decodeURIComponent(m[1]!));
    if (p) sendJson(res, 200, p);
    else sendJson(res, 404, { detail: 'Project not found' });
    return true;
  }
  return false;
}

/** Synthetic account for custom-minted tokens whose `sub` is not a seeded user. */
export function accountFor(sub: string, role: Role, tenantIds: string[]): Account {
  return findAccount(sub) ?? { id: 0, username: sub, password: '', email: null, role, tenants: tenantIds, force_password_change: false };
}

export { ACCOUNTS };
