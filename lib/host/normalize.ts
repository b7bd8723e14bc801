/**
 * Pure functions that turn the host's JSON (typed `unknown`) into the model (../model).
 * Each validates with its zod/mini schema and returns a `Result`; none throws.
 */
export type { Result } from './result';
export { HOST_CURRENCY } from './currency';
export { normalizePanelUsage, normalizeTenantV1Usage, normalizeAdminV1Usage } from './normalize-usage';
export {
  normalizeStatus,
  normalizePanelInvoices,
  normalizeTenantV1Invoices,
} from './normalize-invoices';
export { normalizeProjections, normalizeTimeline } from './normalize-extras';
export {
  parsePermissions,
  parseAuthMe,
  parseUserTenants,
  roleCanSeeBilling,
  decodeJwtClaims,
} from './normalize-identity';
