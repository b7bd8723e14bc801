// @vitest-environment node
/**
 * Property-based: the tenant v1 family's parsers (current usage, invoices), fed arbitrary values
 * and broken copies of the recorded samples, never throw; what they accept keeps the model's
 * invariants (tests/support/normaliser-properties.ts).
 */
import { normalizeTenantV1Invoices, normalizeTenantV1Usage } from '@/lib/host/families/tenant-v1';
import { bodiesOf, describeNormalisers } from '@/tests/support/normaliser-properties';
import { TENANT_V1_INVOICES_PAGE } from '@/tests/support/samples';

describeNormalisers([
  ['normalizeTenantV1Usage', normalizeTenantV1Usage, bodiesOf(/^v1-current-usage(-daily)?\./)],
  ['normalizeTenantV1Invoices', normalizeTenantV1Invoices, [TENANT_V1_INVOICES_PAGE]],
]);
