// @vitest-environment node
/** The admin v1 usage parser (/api/v1/admin/usage): the recorded answers in cents, and junk. */
import { describe, expect, it } from 'vitest';
import { normalizeAdminV1Usage } from '@/lib/host/families/admin-v1';
import { normalizePanelUsage } from '@/lib/host/families/panel';
import { normalizeTenantV1Usage } from '@/lib/host/families/tenant-v1';
import { describeNeverThrows, expectOk } from '@/tests/support/host-reads';
import { loadSample } from '@/tests/support/samples';

describe('admin v1 usage', () => {
  it.each(['v1-admin-usage.admin-legacy-token', 'v1-admin-usage.admin-v1-token'])(
    '%s → BELGO-001 figures in cents',
    (name) => {
      const { value: usage, tenants } = expectOk(normalizeAdminV1Usage(loadSample(name).body));
      expect(tenants).toEqual(['BELGO-001']);
      expect(usage).toEqual({
        period: '2026-11',
        periodStart: null,
        periodEnd: null,
        total: { cents: 2702, currency: 'BRL' },
        split: {
          api: { cents: 120, currency: 'BRL' },
          llm: { cents: 1574, currency: 'BRL' },
          storage: { cents: 609, currency: 'BRL' },
          compute: { cents: 399, currency: 'BRL' },
        },
        metrics: {
          apiCalls: 120,
          tokensTotal: 1050000,
          tokensIn: 660000,
          tokensOut: 390000,
          storageMb: 1250,
          computeMinutes: 120,
        },
        month: '2026-11',
        // The breakdown's quotas: BELGO-001 is over its LLM tokens (10.5×), within the rest.
        quotas: {
          api: { used: 120, included: 10000 },
          llm: { used: 1050000, included: 100000 },
          storage: { used: 1250, included: 10240 },
          compute: { used: 120, included: 600 },
        },
        callsByEndpoint: null,
      });
    },
  );

  it('is not mistaken for the other families', () => {
    const body = loadSample('v1-admin-usage.admin-legacy-token').body;
    expect(normalizePanelUsage(body).ok).toBe(false);
    expect(normalizeTenantV1Usage(body).ok).toBe(false);
  });
});

describeNeverThrows([['normalizeAdminV1Usage', normalizeAdminV1Usage]]);

describe('a currency named beside the cents', () => {
  const withCurrency = (currency: unknown) => {
    const body = structuredClone(loadSample('v1-admin-usage.admin-v1-token').body) as { summary: { costs: Record<string, unknown> } };
    body.summary.costs.currency = currency;
    return normalizeAdminV1Usage(body);
  };

  it('is believed when it is an ISO code (the host names none: BRL), for the total and every part', () => {
    const { value: usage } = expectOk(withCurrency('usd'));
    expect([usage.total, ...Object.values(usage.split)].map((money) => money.currency)).toEqual(['USD', 'USD', 'USD', 'USD', 'USD']);
  });

  it('reads as BRL when it is anything else', () => {
    for (const junk of ['US Dollar', 42, null, '<b>']) expect(expectOk(withCurrency(junk)).value.total.currency).toBe('BRL');
  });
});
