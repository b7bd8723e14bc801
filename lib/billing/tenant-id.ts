/** Tenant ids as the host issues them (BELGO-001, TECH-001); nothing else reaches a URL. */
export const TENANT_ID_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;
