/**
 * Phones and narrow windows: at 390 × 844 nothing in the modal or the full page is wider than
 * its box, the tenant's name is shown whole, the title keeps to one line and invoice ids are
 * never broken, month steps stay whole; the popup fits Chromium's 320 px with each button on one line.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const PHONE = { width: 390, height: 844 };

/**
 * Measured in the page: elements under `root` (a selector, `host >>> inner` for a shadow
 * root) whose right edge passes the root's, elements of `whole` cut short, and elements of
 * `oneLine` whose text takes more than one line.
 */
function measure(page: Page, spec: { host?: string; root: string; whole: string[]; oneLine: string[] }) {
  return page.evaluate(({ host, root, whole, oneLine }) => {
    const scope: ParentNode = host ? document.querySelector(host)!.shadowRoot! : document;
    const box = scope.querySelector<HTMLElement>(root)!;
    const edge = box.getBoundingClientRect().right + 0.5;
    const name = (el: Element) => el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')}`;
    const overflowing = [...box.querySelectorAll('*')]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > edge)
      .map(name);
    const cut = whole.flatMap((selector) =>
      [...scope.querySelectorAll<HTMLElement>(selector)].filter((el) => el.scrollWidth > el.clientWidth + 0.5).map(name),
    );
    // Lines of text, from the text's own boxes: a child element's box (an icon, a flex item)
    // may sit a pixel higher on the same line.
    const lines = (el: Element) => {
      const tops = new Set<number>();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      }
      return tops.size;
    };
    const wrapped = oneLine.flatMap((selector) =>
      [...scope.querySelectorAll(selector)].filter((el) => lines(el) > 1).map((el) => `${name(el)}: ${el.textContent?.trim()}`),
    );
    return { overflowing, cut, wrapped, boxWidth: box.clientWidth, scrollWidth: box.scrollWidth };
  }, spec);
}

/**
 * Two views of BELGO-001: a SUPER_ADMIN's (the panel: every invoice, marked simulated) and an
 * ADMIN's through the login page (admin v1: quotas, months, the change since last month).
 */
const VIEWS = [
  { name: "the panel's invoices", account: 'platform_admin', token: 'legacy', ready: 'billing-invoice-row' },
  { name: "an ADMIN's quotas and months", account: 'belgo_admin', token: 'v1', ready: 'billing-vs-last-month' },
] as const;

for (const uiLanguage of ['pt-BR', 'en-US']) {
  test.describe(uiLanguage, () => {
    test.use({ uiLanguage });

    for (const view of VIEWS) {
      test(`the modal on a phone: ${view.name}`, async ({ context, signIn }) => {
        const page = await context.newPage();
        await signIn(page, view.account, { token: view.token });
        await page.getByTestId('billing-sidebar-entry').click();
        await expect(page.getByTestId(view.ready).first()).toBeVisible();
        await page.setViewportSize(PHONE);
        const found = await measure(page, {
          host: 'billing-overlay-modal',
          root: '[role="dialog"]',
          whole: ['[data-testid="billing-modal-tenant"]'],
          oneLine: ['h2', '[data-testid="billing-invoice-row"] td:first-child', '[data-testid="billing-open-full"]'],
        });
        expect(found).toMatchObject({ overflowing: [], cut: [], wrapped: [] });
        expect(found.scrollWidth).toBeLessThanOrEqual(found.boxWidth);
        await expect(page.getByTestId('billing-modal-tenant')).toBeInViewport();
      });

      test(`the full page on a phone: ${view.name}`, async ({ context, signIn, extensionPage }) => {
        await signIn(await context.newPage(), view.account, { token: view.token });
        const page = await extensionPage('billing.html#tenant=BELGO-001');
        await page.setViewportSize(PHONE);
        await expect(page.getByTestId(view.ready).first()).toBeVisible();
        if (view.token === 'v1') await expect(page.getByTestId('full-trend-bar')).toHaveCount(6);
        const found = await measure(page, {
          root: 'body',
          whole: ['[data-testid="full-tenant"]'],
          oneLine: [
            'h1',
            '[data-testid="full-invoices-screen"] [data-testid="billing-invoice-row"] td:first-child',
            '[data-testid="full-month-label"]',
            '[data-testid="full-month-prev"]',
            '[data-testid="full-month-next"]',
          ],
        });
        expect(found).toMatchObject({ overflowing: [], cut: [], wrapped: [] });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      });
    }

    test('the popup at 320 px', async ({ context, signIn, extensionPage }) => {
      // The ADMIN's popup has the most to fit: the quota most used beside the budget.
      await signIn(await context.newPage(), 'belgo_admin');
      const page = await extensionPage('popup.html');
      await page.setViewportSize({ width: 320, height: 600 });
      await expect(page.getByTestId('popup-budget')).toBeVisible();
      await expect(page.getByTestId('popup-quota-most-used')).toBeVisible();
      const found = await measure(page, {
        root: 'body',
        whole: ['[data-testid="popup-tenant"]'],
        oneLine: ['button', '[data-testid="popup-total-cost"]'],
      });
      expect(found).toMatchObject({ overflowing: [], cut: [], wrapped: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  });
}
