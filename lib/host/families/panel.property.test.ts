// @vitest-environment node
/**
 * Property-based: the panel family's parsers (usage, invoices, projections, timeline), fed
 * arbitrary values and broken copies of the recorded samples, never throw; what they accept
 * keeps the model's invariants (tests/support/normaliser-properties.ts).
 */
import {
  normalizePanelInvoices,
  normalizePanelUsage,
  normalizeProjections,
  normalizeTimeline,
} from '@/lib/host/families/panel';
import { bodiesOf, describeNormalisers } from '@/tests/support/normaliser-properties';

describeNormalisers([
  ['normalizePanelUsage', normalizePanelUsage, bodiesOf(/^panel-usage\./)],
  ['normalizePanelInvoices', normalizePanelInvoices, bodiesOf(/^panel-invoices\./)],
  ['normalizeProjections', normalizeProjections, bodiesOf(/^panel-projections\./)],
  ['normalizeTimeline', normalizeTimeline, bodiesOf(/^panel-timeline\./)],
]);
