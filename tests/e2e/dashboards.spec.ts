/**
 * Several dashboards at once (#26), in real Chromium: two replicas on two ports, belgo_admin
 * signed in on one and tech_admin on the other. Each tab shows its own dashboard's figures; the
 * replicas' request logs (which name each request's token by a digest) show no person's token
 * ever sent to the other origin; removing one dashboard leaves the other working and forgets the
 * removed one's person.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Replica } from '../replica/server';
import { overlayRegisteredFor } from '../tooling/extension-browser';
import { storeSettings } from '../tooling/page-steps';
import { PRODUCTION, STAGING, expectTokensApart, twoDashboards } from './two-dashboards';
import { AFTER_SETTINGS_READ, contentScriptWorld } from './extension-probes';
import { watchForOverlay } from './overlay-helpers';

// Admin v1 answers on today's host: BELGO-001 and TECH-001 have figures of their own.
test.use({ hostState: 'today' });

const dashboard = (name: string, origin: string) => ({ name, origin });

/** The origins the overlay's content script is registered for, as the browser has them. */
const registered = (background: Worker): Promise<string[]> =>
  background.evaluate(async () =>
    ((await (globalThis as any).chrome.scripting.getRegisteredContentScripts()) as { matches?: string[] }[]).flatMap((s) => s.matches ?? []),
  );

/** The figures the tab's overlay shows: the sidebar's cost, then the modal's tenant and total. */
async function expectFigures(page: Page, tenant: string, cost: string): Promise<void> {
  await expect(page.getByTestId('billing-sidebar-cost')).toHaveText(cost);
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-modal-tenant')).toHaveText(tenant);
  await expect(page.getByTestId('billing-total-cost')).toHaveText(cost);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('billing-modal')).toBeHidden();
}

test('two dashboards, a different person at each: each tab its own figures, no token sent to the other, one removed leaves the other working', async ({
  context, replica, background, extensionId, askBackground,
}) => {
  test.setTimeout(120_000);
  const two = await twoDashboards(context, background, replica);
  try {
    const { A, B, second, pageA, pageB } = two;
    await expectFigures(pageA, 'BELGO-001', 'R$ 27,02');
    await expectFigures(pageB, 'TECH-001', 'R$ 41,50');
    await expectFigures(pageA, 'BELGO-001', 'R$ 27,02');

    // Request by request: each replica heard its own person's token only, the extension's
    // billing requests included, each for its own tenant.
    await expectTokensApart(two, replica);
    const billingFor = (r: Replica, tenant: string) => r.requests.list().filter((e) => e.path.startsWith(`/api/v1/admin/billing/usage/${tenant}`));
    expect(billingFor(replica, 'BELGO-001').length).toBeGreaterThan(0);
    expect(billingFor(second, 'TECH-001').length).toBeGreaterThan(0);
    expect(billingFor(replica, 'TECH-001')).toEqual([]);
    expect(billingFor(second, 'BELGO-001')).toEqual([]);
    // The extension's own requests are told from the page's by the browser's Sec-Fetch-Site.
    expect(billingFor(second, 'TECH-001').map((r) => r.fetchSite)).not.toContain('same-origin');

    // B (not the chosen one) removed from the list: its registration and its person go. (Asked
    // as yes or no: a failure must not print the stored tokens.)
    const sessionStorageNames = (origin: string): Promise<boolean> =>
      background.evaluate(async (o) => JSON.stringify(await (globalThis as any).chrome.storage.session.get()).includes(o), origin);
    expect(await sessionStorageNames(B)).toBe(true);
    await background.evaluate(storeSettings, { dashboards: [dashboard(PRODUCTION, A)] });
    await expect.poll(() => registered(background)).toEqual([`${A}/*`]);
    await expect.poll(() => sessionStorageNames(B)).toBe(false);
    const heardByB = second.requests.list().length;

    await pageA.reload();
    await expectFigures(pageA, 'BELGO-001', 'R$ 27,02');

    // B's tab is just another local page now. Where the browser still injects the script
    // (a host's other port), it reads the dashboards and stops: once that read is answered, it
    // would have placed the entry.
    const seen = await watchForOverlay(pageB);
    const inContentScript = await contentScriptWorld(pageB, extensionId);
    await pageB.reload();
    await expect(pageB.locator('.sidebar-desktop')).toBeAttached();
    expect(await inContentScript(AFTER_SETTINGS_READ)).toBe(true);
    expect(await seen()).toBe(false);

    // Added back and chosen, B has nobody signed in until one of its tabs says so: its last
    // person's token is not used again.
    await background.evaluate(storeSettings, { dashboards: [dashboard(PRODUCTION, A), dashboard(STAGING, B)], dashboardOrigin: B });
    await overlayRegisteredFor(background, B);
    expect(await askBackground({ op: 'billing.get', freshness: 'force' })).toMatchObject({ ok: false, error: { kind: 'signedOut' } });

    // The page sends its own token to its own server; the extension sent B nothing more.
    const sinceRemoval = second.requests.list().slice(heardByB);
    expect(sinceRemoval.filter((r) => r.fetchSite !== 'same-origin')).toEqual([]);
    await expectTokensApart(two, replica);
  } finally {
    await two.close();
  }
});
