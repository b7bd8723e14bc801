/**
 * Pure functions that turn the host's JSON (typed `unknown`) into the model (../model).
 * Each validates with its zod/mini schema and returns a `Result`; none throws. The billing
 * families' parsers live with their endpoints in ./families/.
 */
export type { Result } from './result';
export { HOST_CURRENCY } from './currency';
export { normalizeStatus } from './invoices';
export { normalizePanelUsage, normalizePanelInvoices, normalizeProjections, normalizeTimeline } from './families/panel';
export { normalizeTenantV1Usage, normalizeTenantV1Breakdown, normalizeTenantV1Invoices } from './families/tenant-v1';
export { normalizeAdminV1Usage } from './families/admin-v1';
export {
  parsePermissions,
  parseAuthMe,
  parseUserTenants,
  roleCanSeeBilling,
  decodeJwtClaims,
} from './normalize-identity';
