/** The toolbar badge and the budget alert, as the background paints them (issue: popup, badge). */
import { test, expect } from './fixtures';
import { badge } from './overlay-helpers';
import { storeSettings } from '../tooling/page-steps';

test('the badge shows the active tenant\'s cost in green under the host\'s budget', async ({ context, signIn, background }) => {
  const page = await context.newPage();
  // Only the panel names a budget: the family a SUPER_ADMIN gets on the seed host, with the
  // token that has tenant claims.
  await signIn(page, 'platform_admin', { token: 'legacy' });
  // seed: R$ 245,80 of the host's R$ 500,00 budget (49%, under the 80% threshold).
  await expect.poll(() => badge(background)).toEqual({ text: '246', color: '#16a34a' });
});

/** Counts the notifications the background creates (one shown again under the same id replaces it, so getAll cannot tell). */
async function countNotificationsCreated(background: import('@playwright/test').Worker): Promise<() => Promise<number>> {
  await background.evaluate(() => {
    const g = globalThis as any;
    const notifications = g.chrome.notifications;
    const create = notifications.create.bind(notifications);
    g.__notificationsCreated = 0;
    notifications.create = (...args: unknown[]) => {
      g.__notificationsCreated += 1;
      return create(...args);
    };
  });
  return () => background.evaluate(() => (globalThis as any).__notificationsCreated as number);
}

test('a personal budget over the threshold turns the badge red and alerts once', async ({ context, signIn, background, extensionPage }) => {
  const created = await countNotificationsCreated(background);
  // The budget's alerts only: Belgo's LLM tokens, far over their plan, would keep the badge red
  // whatever the budget (tests/e2e/alerts.spec.ts).
  await background.evaluate(storeSettings, { alertKinds: { budget: true, estimate: false, quota: false } });
  const page = await context.newPage();
  await signIn(page, 'belgo_admin', { token: 'legacy' });
  // seed: admin v1's real R$ 27,02.
  await expect.poll(async () => (await badge(background)).text).toBe('27');

  const options = await extensionPage('options.html');
  const setBudget = async (reais: string) => {
    await options.getByTestId('options-budget').fill(reais);
    await options.getByTestId('options-budget').press('Tab');
  };
  await setBudget('20');
  await expect.poll(() => badge(background)).toEqual({ text: '27', color: '#dc2626' });
  const notifications = () => background.evaluate(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()));
  await expect.poll(notifications).toHaveLength(1);
  expect((await notifications())[0]).toContain('BELGO-001');

  // Each change repaints the badge and checks the alerts again, but the same period does not
  // alert twice, nor at a lower level than one announced (90% after 135%). Each repaint shows that a refresh ran; the second one that the first's alert
  // check (which follows its repaint) is behind us.
  await setBudget('30'); // 90%: still over the 80% threshold, amber
  await expect.poll(() => badge(background)).toEqual({ text: '27', color: '#d97706' });
  await setBudget('20');
  await expect.poll(() => badge(background)).toEqual({ text: '27', color: '#dc2626' });
  expect(await created()).toBe(1);
  expect(await notifications()).toHaveLength(1);
});

test('signed out: the badge is empty', async ({ context, signIn, background }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  await expect.poll(async () => (await badge(background)).text).toBe('27');
  await page.evaluate(() => localStorage.removeItem('auth_token'));
  await expect.poll(async () => (await badge(background)).text).toBe('');
});
