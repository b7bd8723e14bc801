/**
 * The shipped build (not the end-to-end one): the overlay's shadow roots are closed, so the host
 * page cannot read the figures; the overlay still works. The test reaches inside the way
 * DevTools does (CDP `DOM.getDocument` with `pierce`), since no locator can.
 */
import type { CDPSession, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SHIPPED_EXTENSION_DIR, configureDashboard, launchWithExtension, signIn } from '../tooling/extension-browser';

interface DomNode {
  backendNodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

const hasTestId = (node: DomNode, id: string) => {
  const attributes = node.attributes ?? [];
  const at = attributes.indexOf('data-testid');
  return at >= 0 && attributes[at + 1] === id;
};

/** The node's text, spaces (Intl's no-break ones too) as plain spaces, like Playwright's toHaveText. */
const textOf = (node: DomNode): string =>
  [...walk(node)].filter((n) => n.nodeType === 3).map((n) => n.nodeValue ?? '').join('').replace(/\s+/g, ' ').trim();

/** The document with every shadow root, closed ones included. */
async function documentOf(cdp: CDPSession): Promise<DomNode> {
  return ((await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode }).root;
}

async function findByTestId(cdp: CDPSession, id: string): Promise<DomNode | undefined> {
  return [...walk(await documentOf(cdp))].find((n) => hasTestId(n, id));
}

async function clickNode(page: Page, cdp: CDPSession, node: DomNode): Promise<void> {
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

test('the shipped overlay lives in closed shadow roots the page cannot read, and works', async ({ replica }) => {
  const browser = await launchWithExtension({ executablePath: process.env.E2E_CHROMIUM_PATH, extensionDir: SHIPPED_EXTENSION_DIR });
  try {
    await configureDashboard(browser.background, replica.origin);
    const page = await browser.context.newPage();
    // The host vouches for this person's tenant: nothing to confirm.
    await signIn(page, replica.origin, 'belgo_admin', { token: 'legacy', confirmTenant: false });
    const cdp = await browser.context.newCDPSession(page);

    await expect.poll(async () => textOf((await findByTestId(cdp, 'billing-sidebar-cost')) ?? { backendNodeId: 0, nodeType: 1 })).toBe('R$ 27,02');
    const hosts = [...walk(await documentOf(cdp))].filter((n) => n.localName === 'billing-overlay-entry');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.shadowRoots?.map((root) => root.shadowRootType)).toEqual(['closed']);
    // The page's own scripts see the element, never what is inside it.
    expect(await page.evaluate(() => document.querySelector('billing-overlay-entry')?.shadowRoot ?? null)).toBeNull();
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('27,02');

    await clickNode(page, cdp, (await findByTestId(cdp, 'billing-sidebar-entry'))!);
    await expect.poll(async () => textOf((await findByTestId(cdp, 'billing-total-cost')) ?? { backendNodeId: 0, nodeType: 1 })).toBe('R$ 27,02');
    const modal = [...walk(await documentOf(cdp))].find((n) => n.localName === 'billing-overlay-modal');
    expect(modal?.shadowRoots?.map((root) => root.shadowRootType)).toEqual(['closed']);
    expect(await page.evaluate(() => document.querySelector('billing-overlay-modal')?.shadowRoot ?? null)).toBeNull();
  } finally {
    await browser.close();
  }
});
