/**
 * The shape of a request the background makes, and the identity URLs. Every URL is built from
 * the configured origin (and, for billing, a tenant id that already matched TENANT_ID_PATTERN and
 * a month that matched MONTH_PATTERN: see lib/host/families/). Nothing that arrives in a message
 * becomes a URL.
 */

export interface Endpoint {
  url: string;
  headers?: Record<string, string>;
}

export const identityEndpoints = {
  permissions: (origin: string): Endpoint => ({ url: `${origin}/api/user/permissions` }),
  me: (origin: string): Endpoint => ({ url: `${origin}/api/v1/auth/me` }),
  tenants: (origin: string): Endpoint => ({ url: `${origin}/api/user/tenants` }),
};
