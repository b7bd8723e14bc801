/**
 * The background's one model from every host state (issue: background billing service), end
 * to end: a person signs in on the replica, the content script hands the session over, and
 * the background answers our own pages with figures equal to the host's, from the truest
 * family the host has (lib/background/billing/family-policy.ts).
 */
import { test, expect } from './fixtures';

const cases = [
  // state, family that must answer, BELGO-001 total in cents, invoice part
  { state: 'today', family: 'adminV1', cents: 2702, invoices: 'notAvailable' },
  // The panel is mounted, but admin v1's real aggregates come first; it has no invoice list.
  { state: 'seed', family: 'adminV1', cents: 2702, invoices: 'notAvailable' },
  { state: 'fixed', family: 'tenantV1', cents: 2702, invoices: 'list' },
] as const;

for (const c of cases) {
  test.describe(`host state "${c.state}"`, () => {
    test.use({ hostState: c.state });

    test(`an ADMIN gets the host's figures from the ${c.family} family`, async ({ context, signIn, askBackground }) => {
      const page = await context.newPage();
      // The token with tenant claims, with which every family the host has answers.
      await signIn(page, 'belgo_admin', { token: 'legacy' });
      await expect(page.getByTestId('billing-sidebar-entry')).toBeVisible();

      const reply = await askBackground({ op: 'billing.get', freshness: 'force' });
      expect(reply.ok).toBe(true);
      const { snapshot, tenant } = reply.value;
      expect(tenant.id).toBe('BELGO-001');
      expect(snapshot.tenantId).toBe('BELGO-001');
      expect(snapshot.family).toBe(c.family);
      expect(snapshot.usage.total).toEqual({ cents: c.cents, currency: 'BRL' });
      if (c.invoices === 'notAvailable') {
        // Not "no invoices": the host has no invoice list to offer in this state.
        expect(snapshot.invoices).toEqual({ ok: false, error: { kind: 'notAvailable' } });
      } else {
        expect(snapshot.invoices.ok).toBe(true);
        expect(snapshot.invoices.value.invoices.length).toBeGreaterThan(0);
      }
      expect(snapshot.simulated).toBe(false);
    });

    test('a DEVELOPER is refused', async ({ context, signIn, askBackground }) => {
      const page = await context.newPage();
      await signIn(page, 'tech_dev');
      await expect.poll(async () => (await askBackground({ op: 'access.get' })).value?.signedIn).toBe(true);
      const reply = await askBackground({ op: 'billing.get', freshness: 'force' });
      expect(reply).toEqual({ ok: false, error: { kind: 'noAccess' } });
      await expect(page.getByTestId('billing-sidebar-entry')).toHaveCount(0);
    });
  });
}

test.describe('a SUPER_ADMIN on the seed host (admin v1 refuses them)', () => {
  test.use({ hostState: 'seed' });

  test("gets the panel's figures, marked simulated, with its invoices", async ({ context, signIn, askBackground }) => {
    await signIn(await context.newPage(), 'platform_admin', { token: 'legacy' });
    const reply = await askBackground({ op: 'billing.get', freshness: 'force' });
    expect(reply.ok).toBe(true);
    const { snapshot } = reply.value;
    expect([snapshot.family, snapshot.simulated]).toEqual(['panel', true]);
    expect(snapshot.usage.total).toEqual({ cents: 24580, currency: 'BRL' });
    // The panel's first invoices are the sample's: R$ 200,00, 236,50, 276,00.
    expect(snapshot.invoices.value.invoices.slice(0, 3).map((i: any) => i.total.cents)).toEqual([20000, 23650, 27600]);
  });
});

test.describe('the login page\'s own token (no tenant claim)', () => {
  test.use({ hostState: 'today' });

  test('an ADMIN signed in through /login gets figures for the tenant they confirmed', async ({ context, signIn, askBackground }) => {
    const page = await context.newPage();
    await signIn(page, 'belgo_admin');
    await expect(page.getByTestId('billing-sidebar-entry')).toBeVisible();
    const reply = await askBackground({ op: 'billing.get', freshness: 'cached' });
    expect(reply.ok).toBe(true);
    expect(reply.value.tenant).toEqual({ id: 'BELGO-001', name: 'BELGO-001', color: null, source: 'chosen' });
    expect(reply.value.snapshot.usage.metrics).toMatchObject({ apiCalls: 120, tokensTotal: 1_050_000, storageMb: 1250 });
  });
});

test('the session token never lands in storage.local or storage.sync', async ({ context, signIn, background }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  await expect(page.getByTestId('billing-sidebar-cost')).toBeVisible();
  const token = await page.evaluate(() => localStorage.getItem('auth_token'));
  const stored = await background.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    return JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]);
  });
  expect(token).toBeTruthy();
  expect(stored).not.toContain(token!);
  expect(stored).not.toContain(token!.split('.')[2]!);
});
