/**
 * Pure functions that turn the host's JSON (typed `unknown`) into the model (../model).
 * Each validates with its zod/mini schema and returns a `Read`; none throws. The billing
 * families' parsers live with their endpoints in ./families/.
 */
export type { Read } from '@/lib/host/result';
export { HOST_CURRENCY } from '@/lib/host/currency';
export { normalizeStatus } from '@/lib/host/invoices';
export { normalizePanelUsage, normalizePanelInvoices, normalizeProjections, normalizeTimeline } from '@/lib/host/families/panel';
export { normalizeTenantV1Usage, normalizeTenantV1Breakdown, normalizeTenantV1Invoices } from '@/lib/host/families/tenant-v1';
export { normalizeAdminV1Usage } from '@/lib/host/families/admin-v1';
export {
  parsePermissions,
  parseAuthMe,
  parseUserTenants,
  roleCanSeeBilling,
  decodeJwtClaims,
} from '@/lib/host/identity';
