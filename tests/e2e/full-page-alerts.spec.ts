/**
 * The full page's alerts of this month (issue #25), against the replica as the host is: with a
 * budget of R$ 30 BELGO-001's R$ 27,02 is past the 80% level, and its LLM tokens are 10.5 times
 * the plan; the page lists both, the worst first, with their level, and none for a past month.
 */
import { test, expect } from './fixtures';

test.use({ hostState: 'today' });

test("the full page lists this month's alerts: the quota over its plan, the budget at 80%", async ({ context, signIn, extensionPage }) => {
  await signIn(await context.newPage(), 'belgo_admin');
  const options = await extensionPage('options.html');
  await options.getByTestId('options-budget').fill('30');
  await options.getByTestId('options-budget').press('Tab');
  await expect(options.getByTestId('options-budget-saved')).not.toBeEmpty();

  const page = await extensionPage('billing.html');
  const rows = page.getByTestId('alerts-list').getByTestId('alert-row');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.evaluateAll((items) => items.map((row) => [row.getAttribute('data-kind'), row.getAttribute('data-level')]));
  // Over the plan comes before a budget warning; no budget level above what the cost reached.
  expect(shown).toContainEqual(['quota', '100']);
  expect(shown).toContainEqual(['budget', '80']);
  expect(shown).not.toContainEqual(['budget', '100']);
  expect(shown.findIndex(([kind]) => kind === 'quota')).toBeLessThan(shown.findIndex(([kind]) => kind === 'budget'));
  await expect(page.locator('[data-testid="alert-row"][data-kind="budget"]')).toContainText('Orçamento: 90% (nível 80%)');
  await expect(page.getByRole('table', { name: /Alertas em vigor para BELGO-001/ })).toBeVisible();

  // A past month has no alerts section: they are this month's.
  await page.getByTestId('full-month-prev').click();
  await expect(page.getByTestId('full-section-alerts')).toHaveCount(0);
});
