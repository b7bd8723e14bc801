/**
 * Session writes fail closed: a new person whose session the browser refuses to store (say,
 * storage.session full) never leaves the last person's token, figures or popup paint behind.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { allStorageText, billing, report, setUpRouterTests, withTenantClaim } from '@/lib/background/router.support';
import { readShownView } from '@/lib/storage/shown-view';
import { until } from '@/tests/support/fake-host';

setUpRouterTests();

/** storage.session refuses every write that holds `token`, as a full quota refuses the write that would pass it. */
function refuseWritesHolding(token: string): void {
  const area = fakeBrowser.storage.session;
  const set = area.set.bind(area);
  vi.spyOn(area, 'set').mockImplementation(async (items) => {
    if (JSON.stringify(items).includes(token)) throw new Error('Session storage quota bytes exceeded');
    return set(items);
  });
}

describe('a session write that fails', () => {
  it('drops the last person first: their token, figures and popup paint are gone, and nobody\'s figures are answered', async () => {
    const belgo = withTenantClaim({ sub: 'belgo_admin' });
    await report(belgo);
    expect((await billing({ freshness: 'force' })).ok).toBe(true);
    await until(async () => expect(await readShownView()).not.toBeNull());

    const tech = withTenantClaim({ sub: 'tech_admin', tenant_id: 'TECH-001' });
    refuseWritesHolding(tech);
    expect(await report(tech, 'TECH-001')).toEqual({ ok: false, error: { kind: 'storage' } });
    const stored = await allStorageText('session');
    expect(stored).not.toContain(belgo);
    expect(stored).not.toContain('billing:');
    expect(await readShownView()).toBeNull();
    // The popup and the badge ask here: the page has someone else, so not belgo_admin's figures.
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'storage' } });

    // Once the browser stores it again, the page's person is the one answered.
    vi.mocked(fakeBrowser.storage.session.set).mockRestore();
    expect((await report(tech, 'TECH-001')).ok).toBe(true);
    const reply = await billing({ freshness: 'cached' });
    expect(reply.ok && reply.value.snapshot.tenantId).toBe('TECH-001');
  });
});
