/**
 * One dashboard in two Firefox containers (WebDriver BiDi user contexts), each with its own
 * signed-in person: each tab's overlay shows its own person's figures and never the other's,
 * and the badge follows the tab in front (lib/dashboard/place.ts, lib/background/sender.ts).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { byTestId, clickTestId, countOf, eventually, startFirefoxSuite, textOf, typeInto, type Dashboard } from './harness';
import { badgeInExtension, type AccountName } from '../tooling/page-steps';

const suite = await startFirefoxSuite();
after(() => suite.close());

/**
 * In the dashboard's page, before any page script runs: every amount (R$ …) our overlay ever
 * shows, in `window.__figuresShown`. The overlay's shadow roots are open in the end-to-end build.
 */
function recordFiguresShown(): void {
  const seen: string[] = [];
  (window as any).__figuresShown = seen;
  const watched = new WeakSet<ShadowRoot>();
  // One observer for the document and every overlay root in it: any change reads the roots again.
  new MutationObserver((_changes, observer) => {
    for (const host of document.querySelectorAll('billing-overlay-entry, billing-overlay-modal')) {
      const root = host.shadowRoot;
      if (!root) continue;
      if (!watched.has(root)) {
        watched.add(root);
        observer.observe(root, { childList: true, subtree: true, characterData: true });
      }
      for (const figure of root.textContent?.match(/R\$\s?[\d.]+,\d\d/g) ?? []) {
        const amount = figure.replace(/\s/g, ' ');
        if (!seen.includes(amount)) seen.push(amount);
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Signs `account` in through the dashboard's login page, then confirms their tenant in the modal's chooser. */
async function signInAndConfirm(dashboard: Dashboard, page: Page, account: AccountName, tenantId: string, total: string): Promise<void> {
  await page.evaluateOnNewDocument(recordFiguresShown);
  await dashboard.signIn(page, account, { confirmTenant: false });
  await clickTestId(page, 'billing-sidebar-entry');
  await eventually(() => countOf(page, 'tenant-choice'), 1);
  await typeInto(page, byTestId('tenant-choice-input'), tenantId);
  await clickTestId(page, 'tenant-choice-confirm');
  await eventually(() => textOf(page, 'billing-total-cost'), total);
  await page.keyboard.press('Escape');
  await eventually(() => countOf(page, 'billing-modal'), 0);
}

const shown = (page: Page) => page.evaluate(() => (window as any).__figuresShown as string[]);

/** The tab showed its own figures, and never `theirs`. */
function neverShown(seen: string[], theirs: string): void {
  assert.ok(seen.length > 0, 'the tab showed no figures at all');
  assert.ok(!seen.includes(theirs), `the tab showed ${seen.join(', ')}`);
}

test('two containers signed in as two people on one dashboard: each tab shows its own figures, never the other\'s', async (t) => {
  const dashboard = await suite.dashboard(t);
  const belgo = await dashboard.newContainerPage();
  const tech = await dashboard.newContainerPage();
  // seed: admin v1's real figures, BELGO-001's R$ 27,02 and TECH-001's R$ 41,50.
  await signInAndConfirm(dashboard, belgo, 'belgo_admin', 'BELGO-001', 'R$ 27,02');
  await signInAndConfirm(dashboard, tech, 'tech_admin', 'TECH-001', 'R$ 41,50');

  // Back in the first container after the second's sign-in, and in the second after the first's
  // tab reported again (a reload): each still its own person.
  await clickTestId(belgo, 'billing-sidebar-entry');
  await eventually(() => textOf(belgo, 'billing-total-cost'), 'R$ 27,02');
  assert.equal(await textOf(belgo, 'billing-sidebar-cost'), 'R$ 27,02');
  neverShown(await shown(belgo), 'R$ 41,50');
  await belgo.reload();
  await eventually(() => textOf(belgo, 'billing-sidebar-cost'), 'R$ 27,02');
  await clickTestId(tech, 'billing-sidebar-entry');
  await eventually(() => textOf(tech, 'billing-total-cost'), 'R$ 41,50');
  assert.equal(await textOf(tech, 'billing-sidebar-cost'), 'R$ 41,50');

  // The badge follows the tab in front: each container's person in turn.
  const badge = async () => (await dashboard.inExtension(badgeInExtension)).text;
  await eventually(badge, '42');
  await belgo.bringToFront();
  await eventually(badge, '27');

  // Neither tab ever showed the other person's figures, not even for a moment (the first tab's
  // record starts again at its reload: it was checked before too).
  neverShown(await shown(belgo), 'R$ 41,50');
  neverShown(await shown(tech), 'R$ 27,02');
});
