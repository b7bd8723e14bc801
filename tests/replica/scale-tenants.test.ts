// @vitest-environment node
// The replica's scale mode (scale-tenants.ts): 50 tenants reachable as the host makes them
// reachable, some with a plan and some without, one in another currency; off by default, the
// default replica as it was; and one tenant refused, as a fault case only.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplica, tokenFor, type Replica } from '@/tests/replica/server';
import { monthKey } from '@/tests/replica/billing-data';
import { OTHER_CURRENCY_TENANT, REFUSED_TENANT_ID, SCALE_MODE_TENANT_IDS, refuseTenant } from '@/tests/replica/scale-tenants';

interface AdminUsage {
  tenant_id: string;
  total_cost_cents: number;
  total_cost_formatted: string;
  currency?: string;
  summary: { costs: { total_formatted: string; currency?: string } };
  breakdown: { api_calls: { included: number }; llm_tokens: { total: number; included: number } };
}

let plain: Replica;
let scaled: Replica;
beforeAll(async () => {
  // Both in one process at once: scale mode must not leak into the default replica.
  [plain, scaled] = await Promise.all([
    startReplica({ port: 0, state: 'seed', loginRateLimit: false }),
    startReplica({ port: 0, state: 'seed', loginRateLimit: false, scale: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([plain?.close(), scaled?.close()]);
});

const ADMIN = tokenFor('belgo_admin', 'v1');
const get = (replica: Replica, path: string, token = ADMIN) => fetch(`${replica.origin}${path}`, { headers: { Authorization: `Bearer ${token}` } });
const usage = async (replica: Replica, tenant: string, query = '') => (await (await get(replica, `/api/v1/admin/billing/usage/${tenant}${query}`)).json()) as AdminUsage;
const listed = async (replica: Replica) =>
  ((await (await get(replica, '/api/user/tenants', tokenFor('platform_admin', 'legacy'))).json()) as { tenants: { tenant_id: string }[] }).tenants.map((t) => t.tenant_id);
const lastMonth = () => {
  const now = new Date();
  return monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
};

describe('scale mode', () => {
  it('names 50 distinct tenants: the seeded three and 47 more', () => {
    expect(new Set(SCALE_MODE_TENANT_IDS).size).toBe(50);
    expect(SCALE_MODE_TENANT_IDS.slice(0, 3)).toEqual(['BELGO-001', 'TECH-001', 'STARTUP-001']);
  });

  it('admin v1 answers each with its own figures: some with a plan, some without, one in USD', async () => {
    const all = await Promise.all(SCALE_MODE_TENANT_IDS.map((id) => usage(scaled, id)));
    expect(all.map((u) => u.tenant_id)).toEqual(SCALE_MODE_TENANT_IDS);
    expect(all.every((u) => u.total_cost_cents > 0)).toBe(true);
    expect(new Set(all.map((u) => u.total_cost_cents)).size).toBeGreaterThan(20);
    const withPlan = all.filter((u) => u.breakdown.api_calls.included > 0);
    expect(withPlan.length).toBeGreaterThan(10);
    expect(all.length - withPlan.length).toBeGreaterThan(10);
    // Over the plan, as BELGO-001 is: the most-used quota is not always under 100 %.
    expect(withPlan.filter((u) => u.breakdown.llm_tokens.total > u.breakdown.llm_tokens.included).length).toBeGreaterThan(1);
    const foreign = all.filter((u) => u.currency !== undefined);
    expect(foreign.map((u) => u.tenant_id)).toEqual([OTHER_CURRENCY_TENANT]);
    expect(foreign[0]).toMatchObject({ currency: 'USD', summary: { costs: { currency: 'USD' } } });
    expect(foreign[0]!.total_cost_formatted).toMatch(/^USD \d+\.\d{2}$/);
    // The seeded three keep the figures they always had.
    expect(all[0]!.total_cost_cents).toBe((await usage(plain, 'BELGO-001')).total_cost_cents);
  });

  it('some had usage last month, some are new this month', async () => {
    const last = await Promise.all(SCALE_MODE_TENANT_IDS.slice(3).map((id) => usage(scaled, id, `?month=${lastMonth()}`)));
    expect(last.filter((u) => u.total_cost_cents > 0).length).toBeGreaterThan(10);
    expect(last.filter((u) => u.total_cost_cents === 0).length).toBeGreaterThan(5);
  });

  it('a SUPER_ADMIN gets all 50 listed; the panel answers each', async () => {
    expect(await listed(scaled)).toEqual(['__platform__', ...SCALE_MODE_TENANT_IDS]);
    const panel = await get(scaled, '/api/billing/usage?tenant_id=SCALE-047&period=month', tokenFor('platform_admin', 'legacy'));
    expect(panel.status).toBe(200);
  });
});

describe('the default replica stays as it was', () => {
  it('three tenants listed; a scale id is any unknown id to admin v1: zeros, no plan, BRL', async () => {
    expect(await listed(plain)).toEqual(['__platform__', 'BELGO-001', 'TECH-001', 'STARTUP-001']);
    const body = await usage(plain, OTHER_CURRENCY_TENANT);
    expect(body).toMatchObject({ tenant_id: OTHER_CURRENCY_TENANT, total_cost_cents: 0, total_cost_formatted: 'R$ 0.00' });
    expect(body.breakdown.api_calls.included).toBe(0);
    expect(body).not.toHaveProperty('currency');
  });

  it('scale mode switches at run time, in process and over HTTP, and a reset keeps it', async () => {
    const replica = await startReplica({ port: 0, loginRateLimit: false });
    try {
      expect((await usage(replica, 'SCALE-001')).total_cost_cents).toBe(0);
      replica.setScale(true);
      expect((await usage(replica, 'SCALE-001')).total_cost_cents).toBeGreaterThan(0);
      await fetch(`${replica.origin}/__replica/reset`, { method: 'POST' });
      expect(replica.scale).toBe(true);
      const off = await fetch(`${replica.origin}/__replica/scale`, { method: 'POST', body: JSON.stringify({ enabled: false }) });
      expect(await off.json()).toEqual({ ok: true, scale: false });
      expect((await usage(replica, 'SCALE-001')).total_cost_cents).toBe(0);
      expect((await fetch(`${replica.origin}/__replica/scale`, { method: 'POST', body: '{}' })).status).toBe(400);
    } finally {
      await replica.close();
    }
  });
});

describe('the refused tenant: a fault case only', () => {
  it('without the fault, admin v1 answers it like any id', async () => {
    expect((await get(plain, `/api/v1/admin/billing/usage/${REFUSED_TENANT_ID}`)).status).toBe(200);
  });

  it('with it, 403 NOT_MEMBER on admin v1 (every month) and the panel; the other tenants still answer', async () => {
    refuseTenant(plain.faults);
    try {
      for (const path of [`/api/v1/admin/billing/usage/${REFUSED_TENANT_ID}`, `/api/v1/admin/billing/usage/${REFUSED_TENANT_ID}?month=${lastMonth()}`]) {
        const res = await get(plain, path);
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual({ detail: 'User does not belong to this tenant', code: 'NOT_MEMBER' });
      }
      const panel = await get(plain, `/api/billing/invoices?tenant_id=${REFUSED_TENANT_ID}&limit=50`, tokenFor('platform_admin', 'legacy'));
      expect(panel.status).toBe(403);
      expect((await get(plain, '/api/v1/admin/billing/usage/TECH-001')).status).toBe(200);
      // Gone with the other faults.
      await fetch(`${plain.origin}/__replica/reset`, { method: 'POST' });
      expect((await get(plain, `/api/v1/admin/billing/usage/${REFUSED_TENANT_ID}`)).status).toBe(200);
    } finally {
      plain.faults.clear();
    }
  });
});

describe('the CLI', () => {
  it('--scale --refuse-tenant: the 50 tenants, and the refused one refused', async () => {
    const cli = spawn(process.execPath, ['--import', 'tsx', 'tests/replica/cli.ts', '--port', '0', '--scale', '--refuse-tenant'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        let out = '';
        cli.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /REPLICA_URL=(\S+)/.exec(out);
          if (found && out.includes('Refused tenant')) resolve(found[1]!);
        });
        cli.once('exit', (code) => reject(new Error(`replica exited with ${code}: ${out}`)));
      });
      const ask = (tenant: string) => fetch(`${origin}/api/v1/admin/billing/usage/${tenant}`, { headers: { Authorization: `Bearer ${ADMIN}` } });
      expect(((await (await ask('SCALE-047')).json()) as AdminUsage).total_cost_cents).toBeGreaterThan(0);
      expect((await ask(REFUSED_TENANT_ID)).status).toBe(403);
    } finally {
      cli.kill('SIGTERM');
    }
  }, 30_000);
});
