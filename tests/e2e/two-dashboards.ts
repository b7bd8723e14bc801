/**
 * Two of the person's dashboards at once, for the end-to-end tests (#26): a second replica on
 * another port beside the fixture's, belgo_admin signed in at the first (A, "Produção") and
 * tech_admin at the second (B, "Homologação"), A chosen. Each replica logs every request's token
 * by a digest, so a test can say, request by request, that no token went to the other origin.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from './fixtures';
import { startReplica, tokenDigest, type Replica } from '../replica/server';
import { overlayRegisteredFor, signIn } from '../tooling/extension-browser';
import { storeSettings } from '../tooling/page-steps';

export interface TwoDashboards {
  A: string;
  B: string;
  /** The second replica (B's); the fixture's replica is A's. */
  second: Replica;
  /** A dashboard tab of each, each with its person signed in. */
  pageA: Page;
  pageB: Page;
  close: () => Promise<void>;
}

export const PRODUCTION = 'Produção';
export const STAGING = 'Homologação';

/** The digests of the tokens a replica heard. */
export const tokensHeard = (replica: Replica): string[] => [
  ...new Set(replica.requests.list().flatMap((r) => (r.tokenDigest === null ? [] : [r.tokenDigest]))),
];

/** A second replica, both dashboards listed and registered, a different person at each, A chosen. */
export async function twoDashboards(context: BrowserContext, background: Worker, replica: Replica): Promise<TwoDashboards> {
  const second = await startReplica({ port: 0, state: 'today', loginRateLimit: false });
  const [A, B] = [replica.origin, second.origin];
  const dashboards = [{ name: PRODUCTION, origin: A }, { name: STAGING, origin: B }];
  await background.evaluate(storeSettings, { dashboards, dashboardOrigin: A });
  await overlayRegisteredFor(background, A);
  await overlayRegisteredFor(background, B);
  // A sign-in's tenant confirmation goes through an extension page, which speaks for the chosen
  // dashboard: A's before A's sign-in, B's before B's; then A is chosen again.
  const pageA = await context.newPage();
  await signIn(pageA, A, 'belgo_admin');
  await background.evaluate(storeSettings, { dashboardOrigin: B });
  const pageB = await context.newPage();
  await signIn(pageB, B, 'tech_admin');
  await background.evaluate(storeSettings, { dashboardOrigin: A });
  return { A, B, second, pageA, pageB, close: () => second.close() };
}

/** Each replica heard its own person's token only: none was ever sent to the other origin. */
export async function expectTokensApart({ pageA, pageB, second }: TwoDashboards, replica: Replica): Promise<void> {
  const tokenOf = async (page: Page) => tokenDigest((await page.evaluate(() => localStorage.getItem('auth_token')))!);
  const [digestA, digestB] = [await tokenOf(pageA), await tokenOf(pageB)];
  expect(digestA).not.toBe(digestB);
  expect(tokensHeard(replica)).toEqual([digestA]);
  expect(tokensHeard(second)).toEqual([digestB]);
}
