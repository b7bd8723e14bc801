/**
 * What an admin needs to act (issue #13), against the replica's own figures: quotas against the
 * plan, previous months one at a time, the change since last month, periods as dates, the
 * month-end estimate, and the toolbar's title. The main path is the one the host's login page
 * gives: its token, admin v1 with `?month=`.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { adminUsage, monthKey } from '../replica/billing-data';

const NOW = new Date();
const month = (delta: number) => monthKey(new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + delta, 1)));
const [THIS_MONTH, LAST_MONTH] = [month(0), month(-1)];
/** The replica's answer for BELGO-001 in a month: what the host would say. */
const belgo = (m: string) => adminUsage('BELGO-001', m);

const monthName = (m: string, locale: string, withYear = true) =>
  new Intl.DateTimeFormat(locale, { month: 'long', ...(withYear && { year: 'numeric' }), timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
const reais = (cents: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL' }).format(cents / 100).replace(/\u00a0/g, ' ');

/** "+9% em relação a novembro (+R$ 2,32)" / "+9% vs November (+R$2.32)", from the two months' totals. */
function expectedChange(current: number, previous: number, locale: string): string {
  const delta = current - previous;
  const sign = delta < 0 ? '\u2212' : '+';
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Math.abs(delta) / previous);
  return `${sign}${percent} ${locale === 'en' ? 'vs' : 'em relação a'} ${monthName(LAST_MONTH, locale, false)} (${sign}${reais(Math.abs(delta), locale)})`;
}

async function openModal(page: Page) {
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-modal')).toBeVisible();
}

test.describe('the host as it is (admin v1, the login page\'s token)', () => {
  test.use({ hostState: 'today' });

  test('the modal meters the quotas the host names, flags the one over it, and compares with last month', async ({ context, signIn, background }) => {
    const page = await context.newPage();
    await signIn(page, 'belgo_admin');
    await openModal(page);
    const { breakdown } = belgo(THIS_MONTH);
    const meters = {
      api: [breakdown.api_calls.used, breakdown.api_calls.included],
      llm: [breakdown.llm_tokens.total, breakdown.llm_tokens.included],
      storage: [breakdown.storage.used_mb, breakdown.storage.included_mb],
      compute: [breakdown.compute.used_minutes, breakdown.compute.included_minutes],
    };
    for (const [key, [used, included]] of Object.entries(meters)) {
      const meter = page.getByTestId(`billing-quota-${key}`);
      await expect(meter).toHaveAttribute('data-used', String(used));
      await expect(meter).toHaveAttribute('data-included', String(included));
      await expect(meter).toHaveAttribute('data-over', String(used! > included!));
    }
    // BELGO-001 is over its LLM tokens only (1 050 000 of 100 000), and the modal says so in words.
    await expect(page.getByTestId('billing-quota-llm')).toHaveAttribute('data-over', 'true');
    await expect(page.getByTestId('billing-quota-llm-over')).toHaveText('Acima do plano · 10,5× o incluído · custo deste recurso no mês: R$ 15,74');
    await expect(page.getByTestId('billing-quota-api-text')).toHaveText('120 de 10.000 chamadas incluídas');
    for (const key of ['api', 'storage', 'compute']) await expect(page.getByTestId(`billing-quota-${key}-over`)).toHaveCount(0);

    // The change since last month, from the two months' totals as the host gives them.
    await expect(page.getByTestId('billing-vs-last-month')).toHaveText(
      expectedChange(belgo(THIS_MONTH).total_cost_cents, belgo(LAST_MONTH).total_cost_cents, 'pt-BR'),
    );
    // The period as a month, never the host's raw label.
    await expect(page.getByTestId('billing-period')).toHaveText(new RegExp(`^Per[ií]odo: ${monthName(THIS_MONTH, 'pt-BR')}$`));

    // The toolbar's title: the month's cost, and why the badge has its colour: the LLM quota over its plan.
    const title = () => background.evaluate(() => (globalThis as any).chrome.action.getTitle({}) as Promise<string>);
    await expect.poll(title).toContain(`${monthName(THIS_MONTH, 'pt-BR')}: R$\u00a027,02`);
    expect(await title()).toContain('Tokens de LLM: 1.050% do plano');
  });

  test('the popup names the quota most used and the budget used', async ({ context, signIn, extensionPage }) => {
    await signIn(await context.newPage(), 'belgo_admin');
    const options = await extensionPage('options.html');
    await options.getByTestId('options-budget').fill('100');
    await options.getByTestId('options-budget').press('Tab');
    const popup = await extensionPage('popup.html');
    await expect(popup.getByTestId('popup-quota-most-used')).toHaveText('LLM: 1.050% do incluído');
    // R$ 27,02 of a R$ 100,00 budget.
    await expect(popup.getByTestId('popup-budget')).toContainText('27% de R$ 100,00 usados');
    await expect(popup.getByTestId('popup-period')).toHaveText(`Período: ${monthName(THIS_MONTH, 'pt-BR')}`);
  });

  test('the full page steps back through months, each with the host\'s own figures, and a six-month trend', async ({ context, signIn, extensionPage, replica }) => {
    await signIn(await context.newPage(), 'belgo_admin');
    const page = await extensionPage('billing.html#tenant=BELGO-001');
    await expect(page.getByTestId('full-month-label')).toHaveText(monthName(THIS_MONTH, 'pt-BR'));
    await expect(page.getByTestId('billing-total-cost')).toHaveText(reais(belgo(THIS_MONTH).total_cost_cents, 'pt-BR'));
    await expect(page.getByTestId('full-month-next')).toBeDisabled();

    // Six months, one bar each, with each month's total as the host gives it.
    const trend = Array.from({ length: 6 }, (_, i) => month(i - 5));
    const bars = page.getByTestId('full-trend-bar');
    await expect(bars).toHaveCount(6);
    expect(await bars.evaluateAll((found) => found.map((bar) => [bar.getAttribute('data-month'), Number(bar.getAttribute('data-cents'))]))).toEqual(
      trend.map((m) => [m, belgo(m).total_cost_cents]),
    );
    await expect(page.getByTestId('full-trend-table').getByTestId('full-trend-row')).toHaveCount(6);

    // Admin v1 has no projections: our estimate from the daily rate, said to be one.
    const days = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + 1, 0)).getUTCDate();
    const spent = belgo(THIS_MONTH).total_cost_cents;
    await expect(page.getByTestId('full-estimate')).toHaveAttribute('data-cents', String(Math.round((spent / NOW.getUTCDate()) * days)));
    await expect(page.getByTestId('full-estimate')).toContainText('Estimativa');

    // One month back: that month's figures, from the host, in every section it has.
    await page.getByTestId('full-month-prev').click();
    await expect(page.getByTestId('full-month-label')).toHaveText(monthName(LAST_MONTH, 'pt-BR'));
    const last = belgo(LAST_MONTH);
    await expect(page.getByTestId('billing-total-cost')).toHaveText(reais(last.total_cost_cents, 'pt-BR'));
    await expect(page.getByTestId('billing-api-calls')).toHaveText(String(last.summary.metrics.api_calls));
    await expect(page.getByTestId('billing-cost-llm')).toHaveText(reais(last.summary.costs.llm_cents, 'pt-BR'));
    await expect(page.getByTestId('billing-quota-llm')).toHaveAttribute('data-used', String(last.breakdown.llm_tokens.total));
    await expect(page.getByTestId('full-tokens-in')).toHaveText(last.summary.metrics.llm_tokens_input.toLocaleString('pt-BR'));
    await expect(page.getByTestId('full-month-next')).toBeEnabled();
    // Lists and projections exist for the current month only; the invoices stay (the host has none for admins).
    await expect(page.getByTestId('full-current-month-only')).toHaveCount(2);
    await expect(page.getByTestId('billing-invoices-unavailable')).toBeVisible();

    // Back to the months without usage: a month of zeros, and nothing to compare with.
    const firstEmpty = trend.findIndex((m) => belgo(m).total_cost_cents > 0) - 1;
    const back = trend.length - 1 - firstEmpty;
    for (let k = 1; k < back; k++) await page.getByTestId('full-month-prev').click();
    await expect(page.getByTestId('full-month-label')).toHaveText(monthName(trend[firstEmpty]!, 'pt-BR'));
    await expect(page.getByTestId('billing-total-cost')).toHaveText(reais(0, 'pt-BR'));
    await expect(page.getByTestId('billing-vs-last-month')).toHaveText('Sem uso no mês passado');

    // And forward again to the current month: every month was asked for once.
    for (let k = 0; k < back; k++) await page.getByTestId('full-month-next').click();
    await expect(page.getByTestId('full-month-label')).toHaveText(monthName(THIS_MONTH, 'pt-BR'));
    await expect(page.getByTestId('full-month-next')).toBeDisabled();
    const asked = replica.requests.list().filter((r) => r.path === '/api/v1/admin/billing/usage/BELGO-001').map((r) => new URL(r.url, replica.origin).searchParams.get('month'));
    expect(asked.length).toBe(new Set(asked).size);
  });
});

test.describe('a month the host fails to give', () => {
  test.use({ hostState: 'today' });

  test('says which month and why, keeps the rest, and Retry brings it', async ({ context, signIn, extensionPage, replica }) => {
    await signIn(await context.newPage(), 'belgo_admin');
    const page = await extensionPage('billing.html#tenant=BELGO-001');
    await expect(page.getByTestId('full-trend-bar')).toHaveCount(6);
    // From now on every month the page asks for fails; the six it has stay.
    replica.faults.set('/api/v1/admin/billing/usage/', { status: 500, body: 'Internal Server Error', contentType: 'text/plain' });
    const target = month(-6);
    for (let k = 0; k < 6; k++) await page.getByTestId('full-month-prev').click();
    await expect(page.getByTestId('full-month-label')).toHaveText(monthName(target, 'pt-BR'));
    await expect(page.getByTestId('full-month-error')).toHaveText(
      `Não foi possível carregar ${monthName(target, 'pt-BR')}: O servidor respondeu com erro 500`,
    );
    // The trend says which months it has no figures for, rather than drawing them as zeros.
    await expect(page.getByTestId('full-trend-row').filter({ hasText: 'sem dados' }).first()).toBeVisible();

    replica.faults.clear();
    await page.getByTestId('full-month-retry').click();
    await expect(page.getByTestId('billing-total-cost')).toHaveText(reais(belgo(target).total_cost_cents, 'pt-BR'));
    await expect(page.getByTestId('full-month-error')).toHaveCount(0);
    await expect(page.getByTestId('full-trend-row').filter({ hasText: 'sem dados' })).toHaveCount(0);
  });
});

test.describe('an English browser', () => {
  test.use({ hostState: 'today', uiLanguage: 'en-US' });

  test('reads the period, the quotas and the change since last month in English', async ({ context, signIn, extensionPage }) => {
    const page = await context.newPage();
    await signIn(page, 'belgo_admin');
    await openModal(page);
    await expect(page.getByTestId('billing-period')).toHaveText(`Period: ${monthName(THIS_MONTH, 'en')}`);
    await expect(page.getByTestId('billing-quota-api-text')).toHaveText('120 of 10,000 included calls');
    await expect(page.getByTestId('billing-quota-llm-over')).toContainText('10.5× the included amount');
    await expect(page.getByTestId('billing-vs-last-month')).toHaveText(
      expectedChange(belgo(THIS_MONTH).total_cost_cents, belgo(LAST_MONTH).total_cost_cents, 'en'),
    );
    const full = await extensionPage('billing.html#tenant=BELGO-001');
    await full.getByTestId('full-month-prev').click();
    await expect(full.getByTestId('full-month-label')).toHaveText(monthName(LAST_MONTH, 'en'));
  });
});

test.describe('the seed\'s panel (a SUPER_ADMIN, whom admin v1 refuses)', () => {
  test.use({ hostState: 'seed' });

  test('says what the panel cannot give: quotas, months, last month; its period as dates, its projection flagged', async ({ context, signIn, extensionPage }) => {
    const page = await context.newPage();
    await signIn(page, 'platform_admin', { token: 'legacy' });
    await openModal(page);
    for (const key of ['api', 'llm', 'storage', 'compute']) {
      await expect(page.getByTestId(`billing-quota-${key}-text`)).toHaveText('não informado por este servidor');
      await expect(page.getByTestId(`billing-quota-${key}`)).not.toHaveAttribute('data-included');
    }
    // The last 30 days as dates ("26 de out. – 25 de nov. de 2026"), never "month".
    await expect(page.getByTestId('billing-period')).toHaveText(/^Per[ií]odo: \d{1,2}( de [a-z]{3}\.)?\s?–\s?\d{1,2} de [a-z]{3}\. de \d{4}$/);
    await expect(page.getByTestId('billing-vs-last-month')).toHaveCount(0);

    const full = await extensionPage('billing.html#tenant=BELGO-001');
    await expect(full.getByTestId('full-months-unavailable')).toHaveText('Meses anteriores não disponíveis neste servidor');
    await expect(full.getByTestId('full-month-prev')).toHaveCount(0);
    // The panel projects exactly what is spent: shown as the server's, and flagged while days are left.
    await expect(full.getByTestId('full-projection-source')).toHaveText('Projeção do servidor');
    const daysLeft = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + 1, 0)).getUTCDate() - NOW.getUTCDate();
    if (daysLeft > 0) await expect(full.getByTestId('full-projection-contradiction')).toContainText(`com ${daysLeft} dias restantes`);
    else await expect(full.getByTestId('full-projection-contradiction')).toHaveCount(0);
    await expect(full.getByTestId('full-estimate')).toHaveCount(0);
    // Calls by endpoint, most called first.
    await expect(full.getByTestId('full-endpoint-row').first()).toContainText('stories');
    await expect(full.getByTestId('full-endpoint-row')).toHaveCount(4);
    await expect(full.getByTestId('full-tokens-out')).toHaveText('1.250.000');
  });
});
