/**
 * What the popup paints first (lib/storage/shown-view.ts), as the router's answers leave it: the
 * figures last answered for the person's active tenant, and nothing for anyone else.
 */
import { describe, expect, it } from 'vitest';
import { handleRequest } from '@/lib/background/router';
import { readShownView, rememberShownView } from '@/lib/storage/shown-view';
import { updateSettings } from '@/lib/storage/settings';
import { NORMAL, POPUP, TWO_TENANTS, billing, choose, host, report, setUpRouterTests, withTenantClaim } from '@/lib/background/router.support';
import { FORBIDDEN, ORIGIN, adminUsageRoute, mintJwt, until } from '@/tests/support/fake-host';

setUpRouterTests();

describe('what the popup paints first (readShownView)', () => {
  it('the figures last answered for the active tenant, read without asking the background', async () => {
    await report(withTenantClaim());
    const reply = await billing({ freshness: 'force' });
    expect(reply.ok).toBe(true);
    await until(async () => expect(await readShownView()).toEqual(reply.ok && reply.value));
  });

  it('marks them stale as of now, by the person\'s refresh interval', async () => {
    await report(withTenantClaim());
    const reply = await billing({ freshness: 'force' });
    const fetchedAt = reply.ok ? reply.value.snapshot.fetchedAt : 0;
    await until(async () => expect(await readShownView(fetchedAt + 60_000)).not.toBeNull());
    expect((await readShownView(fetchedAt + 60_000))?.stale).toBe(false);
    expect((await readShownView(fetchedAt + 5 * 60_000))?.stale).toBe(true);
    await updateSettings({ refreshMinutes: 30 });
    expect((await readShownView(fetchedAt + 5 * 60_000))?.stale).toBe(false);
  });

  it('nothing once another person signs in, even before the background has forgotten them', async () => {
    await report(withTenantClaim({ sub: 'belgo_admin' }));
    const reply = await billing({ freshness: 'force' });
    await until(async () => expect(await readShownView()).not.toBeNull());
    await report(withTenantClaim({ sub: 'tech_admin' }), 'TECH-001');
    expect(await readShownView()).toBeNull();
    // A record left for someone else (a write racing the sign-in) is not theirs to see.
    await rememberShownView(NORMAL, 'belgo_admin', reply.ok ? reply.value : (undefined as never));
    expect(await readShownView()).toBeNull();
  });

  it('nothing after a sign-out, a refusal, or for a dashboard no longer configured', async () => {
    await report(withTenantClaim());
    await billing({ freshness: 'force' });
    await until(async () => expect(await readShownView()).not.toBeNull());
    await updateSettings({ dashboardOrigin: 'https://other.example' });
    expect(await readShownView()).toBeNull();
    await updateSettings({ dashboardOrigin: ORIGIN });
    expect(await readShownView()).not.toBeNull();
    host.route('/api/v1/admin/billing/usage/', FORBIDDEN);
    expect((await billing({ freshness: 'force' })).ok).toBe(false);
    await until(async () => expect(await readShownView()).toBeNull());
    host.route('/api/v1/admin/billing/usage/', adminUsageRoute);
    await billing({ freshness: 'force' });
    await until(async () => expect(await readShownView()).not.toBeNull());
    await report(null);
    expect(await readShownView()).toBeNull();
  });

  it('nothing for a tenant switched away from, or a chosen tenant the person took back', async () => {
    await report(mintJwt({ sub: 'tech_admin' }), 'BELGO-001');
    await choose('TECH-001');
    await billing({ freshness: 'force' });
    await until(async () => expect((await readShownView())?.tenant.id).toBe('TECH-001'));
    await choose('STARTUP-001');
    expect(await readShownView()).toBeNull();
    await handleRequest(POPUP, { op: 'tenant.select', tenantId: 'TECH-001' });
    expect((await readShownView())?.tenant.id).toBe('TECH-001');
    await handleRequest(POPUP, { op: 'tenant.forget', tenantId: 'TECH-001' });
    expect(await readShownView()).toBeNull();
  });

  it('a tenant asked for by name (the full page) is not what the popup paints', async () => {
    host.route('/api/user/tenants', TWO_TENANTS);
    await report(mintJwt());
    await billing({ freshness: 'force' });
    await until(async () => expect((await readShownView())?.tenant.id).toBe('BELGO-001'));
    await billing({ tenantId: 'TECH-001', freshness: 'force' });
    expect((await readShownView())?.tenant.id).toBe('BELGO-001');
  });

  it("an answer about another of the person's dashboards (the switcher, the overview) leaves the chosen one's", async () => {
    const OTHER = 'https://staging.example.com';
    await updateSettings({ dashboards: [{ name: '', origin: ORIGIN }, { name: 'Staging', origin: OTHER }], dashboardOrigin: ORIGIN });
    await report(withTenantClaim());
    await billing({ freshness: 'force' });
    await until(async () => expect((await readShownView())?.snapshot.origin).toBe(ORIGIN));
    const other = { origin: OTHER, store: NORMAL.store };
    await report(withTenantClaim(), 'BELGO-001', null, { kind: 'dashboard', place: other, tabId: 2 });
    expect((await billing({ freshness: 'force' }, { kind: 'extensionPage', place: other })).ok).toBe(true);
    // The record is written behind the answer: one turn of the event loop lets it land.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await readShownView())?.snapshot.origin).toBe(ORIGIN);
  });
});
