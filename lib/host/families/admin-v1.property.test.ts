// @vitest-environment node
/**
 * Property-based: the admin v1 usage parser, fed arbitrary values and broken copies of the
 * recorded samples, never throws; what it accepts keeps the model's invariants
 * (tests/support/normaliser-properties.ts).
 */
import { normalizeAdminV1Usage } from '@/lib/host/families/admin-v1';
import { bodiesOf, describeNormalisers } from '@/tests/support/normaliser-properties';

describeNormalisers([['normalizeAdminV1Usage', normalizeAdminV1Usage, bodiesOf(/^v1-admin-usage\./)]]);
