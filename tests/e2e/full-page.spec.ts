/** The full billing page (billing.html): timeline, projections, budget, every invoice, CSV, print. */
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { panelInvoices } from '../replica/billing-data';

const FULL = 'billing.html#tenant=BELGO-001';

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Timeline, projections and a list of invoices come only from the panel, the family a SUPER_ADMIN
// gets on the seed host (admin v1 refuses them; for an ADMIN admin v1's real figures come first),
// with the token that has tenant claims (the panel answers 500 to the login page's token).
test.describe('host state "seed"', () => {
  test.use({ hostState: 'seed' });

  test('shows the timeline, projections, budget and pages through every invoice', async ({ context, signIn, extensionPage }) => {
    await signIn(await context.newPage(), 'platform_admin', { token: 'legacy' });
    const page = await extensionPage(FULL);

    await expect(page.getByTestId('full-tenant')).toHaveText('Belgo Arames');
    await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 245,80');
    // The panel's figures are the host's simulation, and the page says so (its invoices too).
    await expect(page.getByTestId('billing-simulated')).toHaveText(
      'Valores simulados: o próprio servidor marca estes números como simulação, não como cobrança real',
    );
    await expect(page.getByTestId('full-invoices-screen').getByTestId('billing-invoices-simulated')).toBeVisible();
    for (const heading of ['Resumo', 'Distribuição de custos', 'Linha do tempo', 'Projeções e orçamento', 'Faturas']) {
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    }

    // Timeline: the panel answers days=30 with 31 daily points (30 days ago .. today).
    const timeline = page.getByTestId('full-timeline');
    await expect(timeline).toBeVisible();
    await expect(timeline).toHaveAttribute('data-points', '31');
    await expect(page.getByTestId('full-timeline-bar')).toHaveCount(31);
    await expect(page.getByRole('img', { name: /^Custo diário de \d{2}\/\d{2}\/\d{4} a \d{2}\/\d{2}\/\d{4}$/ })).toBeVisible();
    const tableRows = page.getByTestId('full-timeline-table').locator('tbody tr');
    await expect(tableRows).toHaveCount(31);
    await expect(tableRows.first()).toContainText('R$ 45,60');
    await expect(tableRows.first()).toContainText('2.400');
    await expect(tableRows.last()).toContainText('R$ 9,60');
    await expect(tableRows.last()).toContainText('900');
    // The table is the chart's text for screen readers: nothing of it is painted where it sits.
    const painted = await page.getByTestId('full-timeline-table').evaluate((table) => {
      table.scrollIntoView({ block: 'center' });
      const box = table.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 10));
      return hit !== null && table.contains(hit);
    });
    expect(painted).toBe(false);
    await expect(page.getByTestId('full-timeline-unavailable')).toHaveCount(0);

    // Projections and the host's R$ 500,00 budget: 245,80 is 49%.
    const now = new Date();
    const daysInMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
    await expect(page.getByTestId('full-projection-spent')).toHaveText('R$ 245,80');
    await expect(page.getByTestId('full-projection-total')).toHaveText('R$ 245,80');
    await expect(page.getByTestId('full-projection-days')).toHaveText(String(daysInMonth - now.getUTCDate()));
    await expect(page.getByTestId('full-projection-next')).toHaveText('R$ 270,38');
    await expect(page.getByTestId('full-budget')).toHaveAttribute('data-level', 'ok');
    await expect(page.getByTestId('full-budget-bar')).toHaveCSS('background-color', 'rgb(34, 197, 94)'); // green under the threshold
    await expect(page.getByTestId('full-budget-percent')).toHaveText('49%');
    await expect(page.getByTestId('full-budget-text')).toHaveText('49% de R$ 500,00 usados · R$ 245,80');
    await expect(page.getByRole('progressbar', { name: 'Orçamento mensal' })).toHaveAttribute('aria-valuenow', '49');

    // Every invoice (the background asks for 50), ten a page.
    const screenRows = page.getByTestId('full-invoices-screen').getByTestId('billing-invoice-row');
    await expect(page.getByTestId('full-invoices-page')).toHaveText('Página 1 de 5');
    await expect(screenRows).toHaveCount(10);
    await expect(screenRows.first()).toContainText('R$ 200,00');
    await expect(page.getByTestId('full-invoices-prev')).toBeDisabled();
    const firstOnPage1 = await screenRows.first().textContent();

    await page.getByTestId('full-invoices-next').click();
    await expect(page.getByTestId('full-invoices-page')).toHaveText('Página 2 de 5');
    await expect(screenRows).toHaveCount(10);
    await expect(screenRows.first()).not.toHaveText(firstOnPage1 ?? '');
    await expect(screenRows.first()).toContainText('R$ 700,00');
    await expect(page.getByTestId('full-invoices-prev')).toBeEnabled();

    for (let p = 3; p <= 5; p++) await page.getByTestId('full-invoices-next').click();
    await expect(page.getByTestId('full-invoices-page')).toHaveText('Página 5 de 5');
    await expect(page.getByTestId('full-invoices-next')).toBeDisabled();
    await page.getByTestId('full-invoices-prev').click();
    await expect(page.getByTestId('full-invoices-page')).toHaveText('Página 4 de 5');
  });

  test('exports every invoice as CSV', async ({ context, signIn, extensionPage }) => {
    await signIn(await context.newPage(), 'platform_admin', { token: 'legacy' });
    const page = await extensionPage(FULL);
    await expect(page.getByTestId('full-invoices-page')).toHaveText('Página 1 de 5');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('full-export-csv').click()]);
    const now = new Date();
    expect(download.suggestedFilename()).toBe(`faturas-BELGO-001-${localDate(now)}.csv`);
    const path = await download.path();
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');

    // The replica's own figures for the first two invoices (current one pending, then paid), in
    // the page's pt-BR: ';' between fields and a decimal comma, as a pt-BR spreadsheet reads them
    // (an amount is quoted: it holds a comma, which a spreadsheet splitting on ',' would cut).
    const [a, b] = panelInvoices('BELGO-001', 2, now).invoices;
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      '\uFEFFnumero;periodo;valor;moeda;status;status_original;vencimento;pago_em',
      `${a!.invoice_id};${a!.period};"200,00";BRL;pending;pending;${a!.due_date.slice(0, 10)};`,
      `${b!.invoice_id};${b!.period};"236,50";BRL;paid;paid;${b!.due_date.slice(0, 10)};${b!.paid_at!.slice(0, 10)}`,
    ]);
    // 50 invoices, one header, every line CRLF-terminated.
    expect(lines).toHaveLength(52);
    expect(lines[51]).toBe('');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('prints every invoice without the controls', async ({ context, signIn, extensionPage }) => {
    await signIn(await context.newPage(), 'platform_admin', { token: 'legacy' });
    const page = await extensionPage(FULL);
    await expect(page.getByTestId('full-invoices-page')).toHaveText('Página 1 de 5');
    await expect(page.getByTestId('full-invoices-print')).toBeHidden();

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('full-invoices-print')).toBeVisible();
    await expect(page.getByTestId('full-invoices-print').getByTestId('billing-invoice-row')).toHaveCount(50);
    await expect(page.getByTestId('full-invoices-screen')).toBeHidden();
    await expect(page.getByTestId('full-export-csv')).toBeHidden();
    await expect(page.getByTestId('full-refresh')).toBeHidden();
    const style = await page
      .getByTestId('full-invoices-print')
      .getByTestId('billing-invoice-row')
      .first()
      .evaluate((row) => getComputedStyle(row).breakInside);
    expect(style).toBe('avoid');
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('.full-page')!).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)');
  });

  test('follows dark mode', async ({ context, signIn, extensionPage }) => {
    await signIn(await context.newPage(), 'platform_admin', { token: 'legacy' });
    const page = await extensionPage(FULL);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(page.getByTestId('full-timeline')).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('.full-page')!).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
  });
});

test.describe('host state "today"', () => {
  test.use({ hostState: 'today' });

  test('says the timeline, projections and invoices are not available', async ({ context, signIn, extensionPage }) => {
    await signIn(await context.newPage(), 'belgo_admin', { token: 'legacy' });
    const page = await extensionPage(FULL);
    await expect(page.getByTestId('full-tenant')).toHaveText('Belgo Arames');
    await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 27,02');
    await expect(page.getByTestId('billing-simulated')).toHaveCount(0);
    await expect(page.getByTestId('full-timeline-unavailable')).toHaveText('Linha do tempo não disponível neste servidor');
    await expect(page.getByTestId('full-timeline')).toHaveCount(0);
    await expect(page.getByTestId('full-projections-unavailable')).toHaveText('Projeções não disponíveis neste servidor');
    await expect(page.getByTestId('full-budget')).toHaveCount(0);
    await expect(page.getByTestId('billing-invoices-unavailable')).toHaveText('Faturas não disponíveis neste servidor');
    await expect(page.getByTestId('full-export-csv')).toHaveCount(0);
    await expect(page.getByTestId('full-invoices-page')).toHaveCount(0);
  });
});
