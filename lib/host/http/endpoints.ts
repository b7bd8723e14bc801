/**
 * The shape of a request the background makes, and the identity URLs. Every URL is built from
 * the configured origin (and, for billing, a tenant id that already matched TENANT_ID_PATTERN and
 * a month that matched MONTH_PATTERN: see lib/host/families/). Nothing that arrives in a message
 * becomes a URL.
 */

export interface Endpoint {
  url: string;
  headers?: Record<string, string>;
  /** Sent even while the host's Retry-After holds the session (lib/host/http/hold.ts). */
  unheld?: true;
}

/**
 * Who is signed in, whether they may see billing, which tenants are theirs: asked once per
 * sign-in, and never held. Held, a new person would be guessed from the token and asked to
 * pick their tenant by hand, for a wait that was about the billing requests.
 */
export const identityEndpoints = {
  permissions: (origin: string): Endpoint => ({ url: `${origin}/api/user/permissions`, unheld: true }),
  me: (origin: string): Endpoint => ({ url: `${origin}/api/v1/auth/me`, unheld: true }),
  tenants: (origin: string): Endpoint => ({ url: `${origin}/api/user/tenants`, unheld: true }),
};
