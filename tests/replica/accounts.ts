// Seeded tenants and accounts: roles, memberships and passwords as on the reference host's demo
// seed, so one set of credentials works on both.
import type { Role } from './jwt.ts';

export interface Branding {
  primary_color: string;
  secondary_color: string;
  logo_url: string;
  display_name: string;
}

export interface Tenant {
  tenant_id: string;
  name: string;
  slug: string;
  plan: string;
  status: 'active' | 'trial';
  branding: Branding;
  features: Record<string, boolean>;
}

export interface Account {
  id: number;
  username: string;
  password: string;
  email: string | null;
  role: Role;
  /** Memberships, first = default tenant. SUPER_ADMIN: all tenants. */
  tenants: string[];
  force_password_change: boolean;
}

export interface Project {
  project_id: string;
  name: string;
  project_type: string;
  tenant_id: string;
  status: string;
  description: string;
}

export const TENANTS: readonly Tenant[] = [
  {
    tenant_id: 'BELGO-001', name: 'Belgo Arames', slug: 'belgo', plan: 'enterprise', status: 'active',
    branding: { primary_color: '#003B4A', secondary_color: '#FF6C00', logo_url: '/static/logos/belgo.svg', display_name: 'Belgo Arames' },
    features: { stories: true, kanban: true, workers: true, chat_assistant: true, custom_branding: true, sso: true, api_access: true, audit_logs: true, custom_domain: true },
  },
  {
    tenant_id: 'TECH-001', name: 'TechCorp Solutions', slug: 'techcorp', plan: 'professional', status: 'active',
    branding: { primary_color: '#6366F1', secondary_color: '#EC4899', logo_url: '/static/logos/techcorp.svg', display_name: 'TechCorp' },
    features: { stories: true, kanban: true, workers: true, chat_assistant: true, custom_branding: true, api_access: true },
  },
  {
    tenant_id: 'STARTUP-001', name: 'StartupX', slug: 'startupx', plan: 'starter', status: 'trial',
    branding: { primary_color: '#10B981', secondary_color: '#F59E0B', logo_url: '/static/logos/startupx.svg', display_name: 'StartupX' },
    features: { stories: true, kanban: true, workers: false, chat_assistant: true },
  },
];

export const PLATFORM_ENTRY = {
  tenant_id: '__platform__', name: 'Platform View', slug: 'platform', plan: 'platform', role: 'super_admin',
  is_platform: true, is_current: false,
  branding: { primary_color: '#1E293B', secondary_color: '#3B82F6', logo_url: '/static/logos/platform.png', display_name: 'Platform Admin' },
};

const ALL = TENANTS.map((t) => t.tenant_id);

export const ACCOUNTS: readonly Account[] = [
  { id: 1, username: 'admin', password: 'admin123', email: 'admin@fabrica.local', role: 'ADMIN', tenants: [], force_password_change: false },
  { id: 2, username: 'platform_admin', password: 'Platform@2025!Adm', email: 'platform@fabrica.local', role: 'SUPER_ADMIN', tenants: ALL, force_password_change: false },
  { id: 3, username: 'consultor', password: 'Consultor@Multi#2025', email: 'consultor@fabrica.local', role: 'DEVELOPER', tenants: ['BELGO-001', 'TECH-001'], force_password_change: false },
  { id: 4, username: 'belgo_admin', password: 'Belgo@Admin#2025', email: 'admin@belgo.com.br', role: 'ADMIN', tenants: ['BELGO-001'], force_password_change: true },
  { id: 5, username: 'tech_admin', password: 'TechCorp@Admin#2025', email: 'admin@techcorp.com', role: 'ADMIN', tenants: ['TECH-001'], force_password_change: true },
  { id: 6, username: 'tech_dev', password: 'TechCorp@Dev#2025', email: 'dev@techcorp.com', role: 'DEVELOPER', tenants: ['TECH-001'], force_password_change: true },
  { id: 8, username: 'belgo_pm', password: 'Belgo@PM#2025', email: 'pm@belgo.com.br', role: 'PROJECT_MANAGER', tenants: ['BELGO-001'], force_password_change: true },
  { id: 7, username: 'startup_dev', password: 'StartupX@Dev#2025', email: 'dev@startupx.io', role: 'DEVELOPER', tenants: ['STARTUP-001'], force_password_change: true },
];

export const PROJECTS: readonly Project[] = [
  { project_id: 'PRJ-BELGO-1', name: 'Projeto Demo', project_type: 'web-app', tenant_id: 'BELGO-001', status: 'IN_PROGRESS', description: 'Projeto de demonstracao' },
  { project_id: 'PRJ-TECH-1', name: 'Portal do Cliente', project_type: 'web-app', tenant_id: 'TECH-001', status: 'IN_PROGRESS', description: 'Portal self-service' },
  { project_id: 'PRJ-TECH-2', name: 'API de Pagamentos', project_type: 'api-service', tenant_id: 'TECH-001', status: 'PLANNING', description: 'Servico de pagamentos' },
  { project_id: 'PRJ-STARTUP-1', name: 'MVP App', project_type: 'mobile-app', tenant_id: 'STARTUP-001', status: 'IN_PROGRESS', description: 'Primeiro MVP' },
];

export function findAccount(username: string): Account | undefined {
  return ACCOUNTS.find((a) => a.username === username);
}

export function findTenant(id: string | null | undefined): Tenant | undefined {
  return id ? TENANTS.find((t) => t.tenant_id === id) : undefined;
}

/** Membership role label as /api/user/tenants shows it. */
export function membershipRole(role: Role): string {
  return role.toLowerCase();
}

/** Printable list for the CLI. */
export function accountTable(): string {
  return ACCOUNTS.map((a) => `  ${a.username.padEnd(15)} ${a.password.padEnd(21)} ${a.role.padEnd(12)} ${a.role === 'SUPER_ADMIN' ? 'all tenants' : a.tenants.join(', ') || '(no tenant)'}`).join('\n');
}
