// @vitest-environment node
// The replica's months and quotas, as the host's billing service gives them (docs/host.md §4B,
// §4C): every month answers, with its own figures where there was usage and zeros where there
// was none; a month the service cannot parse is a 500; each tenant has its own plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplica, tokenFor, type Replica } from '@/tests/replica/server';
import { monthKey } from '@/tests/replica/billing-data';

let replica: Replica;
beforeAll(async () => {
  replica = await startReplica({ port: 0, state: 'today', loginRateLimit: false });
});
afterAll(async () => {
  await replica?.close();
});

const now = new Date();
const month = (delta: number) => monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + delta, 1)));

interface AdminUsage {
  month: string;
  total_cost_cents: number;
  summary: { period: string; metrics: { api_calls: number; llm_tokens_total: number } };
  breakdown: { api_calls: { used: number; included: number }; llm_tokens: { total: number; included: number }; storage: { included_mb: number } };
}

async function adminUsage(tenant: string, query = '', account = 'belgo_admin') {
  return fetch(`${replica.origin}/api/v1/admin/billing/usage/${tenant}${query}`, { headers: { Authorization: `Bearer ${tokenFor(account, 'v1')}` } });
}

describe('admin v1 ?month=', () => {
  it('answers past months with their own figures, in the month asked for', async () => {
    const read = async (d: number) => (await (await adminUsage('BELGO-001', `?month=${month(d)}`)).json()) as AdminUsage;
    const [current, last, before] = await Promise.all([read(0), read(-1), read(-2)]);
    expect([current, last, before].map((u) => [u.month, u.summary.period])).toEqual([0, -1, -2].map((d) => [month(d), month(d)]));
    expect(current.total_cost_cents).toBe(2702);
    const totals = new Set([current, last, before].map((u) => u.total_cost_cents));
    expect(totals.size).toBe(3);
    expect(last.summary.metrics.api_calls).not.toBe(current.summary.metrics.api_calls);
    // Each month is measured against the same plan.
    expect(last.breakdown.api_calls.included).toBe(10000);
    expect(last.breakdown.llm_tokens.total).toBe(last.summary.metrics.llm_tokens_total);
  });

  it('a month without usage is a real aggregate of zeros, future months too', async () => {
    for (const d of [-12, 3]) {
      const res = await adminUsage('BELGO-001', `?month=${month(d)}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as AdminUsage;
      expect(body.total_cost_cents).toBe(0);
      expect(body.breakdown.api_calls).toEqual(expect.objectContaining({ used: 0, included: 10000 }));
    }
  });

  it('a malformed month is the host\'s 500, as text', async () => {
    for (const bad of ['2026-13', '2026-1', 'december', '2026-12-01']) {
      const res = await adminUsage('BELGO-001', `?month=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(500);
      expect(await res.text()).toBe('Internal Server Error');
    }
  });

  it('each tenant has its own plan; a trial tenant has none (0 included)', async () => {
    const tech = (await (await adminUsage('TECH-001')).json()) as AdminUsage;
    expect(tech.breakdown.api_calls.included).toBe(50000);
    expect(tech.breakdown.llm_tokens.included).toBe(2000000);
    expect(tech.breakdown.storage.included_mb).toBe(20480);
    const startup = (await (await adminUsage('STARTUP-001')).json()) as AdminUsage;
    expect(startup.breakdown.api_calls.included).toBe(0);
  });
});

describe('tenant v1 usage-breakdown?month', () => {
  it('answers a month like admin v1 and 500s on a malformed one', async () => {
    replica.setState('fixed');
    try {
      const headers = { Authorization: `Bearer ${tokenFor('belgo_admin', 'legacy')}` };
      const ok = await fetch(`${replica.origin}/api/v1/billing/usage-breakdown?month=${month(-1)}`, { headers });
      const admin = (await (await adminUsage('BELGO-001', `?month=${month(-1)}`)).json()) as AdminUsage;
      const body = (await ok.json()) as { month: string; total_cost_cents: number; breakdown: unknown };
      expect([body.month, body.total_cost_cents, body.breakdown]).toEqual([month(-1), admin.total_cost_cents, admin.breakdown]);
      const bad = await fetch(`${replica.origin}/api/v1/billing/usage-breakdown?month=2026-00`, { headers });
      expect(bad.status).toBe(500);
    } finally {
      replica.setState('today');
    }
  });
});
