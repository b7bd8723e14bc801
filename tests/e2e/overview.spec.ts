/**
 * Every tenant at a glance (issue #24), in real Chromium against the replica as the host is
 * (admin v1, the login page's token): belgo_admin confirms BELGO-001 and types TECH-001 in the
 * options; billing.html#overview shows both with their own figures, most expensive first,
 * sorts, exports what it shows as CSV and opens a tenant's full page; a third typed tenant the
 * host refuses says "Sem acesso" in its own row while the others stay.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { adminUsage, monthKey } from '../replica/billing-data';
import { REFUSED_TENANT_ID, refuseTenant } from '../replica/scale-tenants';

test.use({ hostState: 'today' });

const NOW = new Date();
const month = (delta: number) => monthKey(new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + delta, 1)));
const [THIS_MONTH, LAST_MONTH] = [month(0), month(-1)];
const BILLING_PATHS = /^\/api\/(billing|v1\/billing|v1\/admin\/billing)\//;
/** "R$ 27,02", as Intl writes it (a no-break space). */
const reais = (cents: number) => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(cents / 100);
const costOf = (tenantId: string) => adminUsage(tenantId, THIS_MONTH).total_cost_cents;

/** Types tenant ids in the options page, as support staff do. */
async function typeTenants(options: Page, ...ids: string[]): Promise<void> {
  for (const id of ids) {
    await options.getByTestId('options-tenant-add').fill(id);
    await options.getByTestId('options-tenant-add').press('Enter');
    await expect(options.locator(`[data-testid="options-tenant-item"][data-tenant="${id}"]`)).toBeVisible();
  }
}

const rowsOf = (page: Page) => page.getByTestId('tenant-overview').getByTestId('tenant-overview-row');
const rowOf = (page: Page, id: string) => page.locator(`[data-testid="tenant-overview-row"][data-tenant-id="${id}"]`);
/** WCAG 2.2 AA as axe-core measures it, in the light and the dark theme. */
async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
}

const shownIds = (page: Page) => rowsOf(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-tenant-id')));

test('the overview shows BELGO-001 and TECH-001 with their own figures, most expensive first; sorts; exports them as CSV; opens a tenant', async ({
  context, signIn, extensionPage, replica,
}) => {
  await signIn(await context.newPage(), 'belgo_admin');
  await typeTenants(await extensionPage('options.html'), 'TECH-001');
  const [belgo, tech] = [costOf('BELGO-001'), costOf('TECH-001')];
  // The replica's own figures differ, so the order below says something.
  expect(tech).toBeGreaterThan(belgo);

  const page = await extensionPage('billing.html#overview');
  await expect(page).toHaveTitle('Billing e Usage — Todos os tenants');
  await expect(rowsOf(page)).toHaveCount(2);
  await expect(rowOf(page, 'BELGO-001').getByTestId('tenant-overview-cost')).toHaveText(reais(belgo));
  await expect(rowOf(page, 'TECH-001').getByTestId('tenant-overview-cost')).toHaveText(reais(tech));
  expect(await shownIds(page)).toEqual(['TECH-001', 'BELGO-001']);
  await expect(page.getByRole('columnheader', { name: 'Custo' })).toHaveAttribute('aria-sort', 'descending');
  // Each row its own evidence and figures: the tenant typed, its quota, its change since last month.
  await expect(rowOf(page, 'TECH-001').getByTestId('tenant-overview-source')).toHaveText('escolhido por você');
  await expect(rowOf(page, 'BELGO-001').getByTestId('tenant-overview-quota')).toHaveText('LLM: 1.050% do incluído');
  await expect(rowOf(page, 'BELGO-001').getByTestId('tenant-overview-change')).toContainText('em relação a');
  // One total per currency: both tenants are in reais.
  await expect(page.getByTestId('tenant-overview-total')).toHaveCount(1);
  await expect(page.getByTestId('tenant-overview-total-cost')).toHaveText(reais(belgo + tech));

  // Sorting by name, then the other way; keyboard only.
  const byName = page.getByTestId('tenant-overview-sort-tenant');
  await byName.focus();
  await page.keyboard.press('Enter');
  expect(await shownIds(page)).toEqual(['BELGO-001', 'TECH-001']);
  await expect(page.getByRole('columnheader', { name: 'Tenant' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('tenant-overview-sorted')).toHaveText('Ordenado por Tenant, ordem crescente');
  await page.keyboard.press('Enter');
  expect(await shownIds(page)).toEqual(['TECH-001', 'BELGO-001']);
  await page.getByTestId('tenant-overview-sort-cost').click();
  expect(await shownIds(page)).toEqual(['TECH-001', 'BELGO-001']);

  // The CSV: what is shown, in that order, as a pt-BR spreadsheet reads it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tenant-overview-export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^tenants-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('tenant_id;tenant;evidencia;mes;custo;moeda;chamadas_api;tokens_llm;cota_mais_usada;cota_pct;variacao_pct;variacao_valor;orcamento_pct;simulado;desatualizado;estado');
  const decimal = (cents: number) => `"${(cents / 100).toFixed(2).replace('.', ',')}"`;
  expect(lines[1]).toMatch(new RegExp(`^TECH-001;[^;]*;chosen;${THIS_MONTH};${decimal(tech)};BRL;`));
  expect(lines[2]).toMatch(new RegExp(`^BELGO-001;[^;]*;chosen;${THIS_MONTH};${decimal(belgo)};BRL;.*;ok$`));
  expect(lines.slice(3)).toEqual(['']);

  // Opened again within the refresh interval: every row from the cache, no request to the host.
  const asked = replica.requests.list().filter((r) => BILLING_PATHS.test(r.path)).length;
  const again = await extensionPage('billing.html#overview');
  await expect(rowOf(again, 'TECH-001').getByTestId('tenant-overview-cost')).toHaveText(reais(tech));
  await expect(rowOf(again, 'BELGO-001').getByTestId('tenant-overview-change')).toContainText('em relação a');
  expect(replica.requests.list().filter((r) => BILLING_PATHS.test(r.path)).length).toBe(asked);

  // A row opens its tenant's full page; the header's link comes back.
  await rowOf(page, 'BELGO-001').getByTestId('tenant-overview-open').click();
  await expect(page).toHaveURL(/billing\.html#tenant=BELGO-001$/);
  await expect(page.getByTestId('full-tenant')).toHaveText('BELGO-001');
  await expect(page.getByTestId('billing-total-cost')).toHaveText(reais(belgo));
  await page.getByTestId('full-overview-link').click();
  await expect(rowsOf(page)).toHaveCount(2);
});

test('a third typed tenant the host refuses says "Sem acesso" in its row; a failed one says so with Retry, the others stay', async ({
  context, signIn, extensionPage, replica,
}) => {
  refuseTenant(replica.faults);
  // TECH-001's figures fail until the fault is cleared (the host's 500, a hiccup).
  replica.faults.set('/api/v1/admin/billing/usage/TECH-001', { status: 500, body: 'Internal Server Error', contentType: 'text/plain' });
  await signIn(await context.newPage(), 'belgo_admin');
  await typeTenants(await extensionPage('options.html'), 'TECH-001', REFUSED_TENANT_ID);

  const page = await extensionPage('billing.html#overview');
  await expect(rowsOf(page)).toHaveCount(3);
  const refused = rowOf(page, REFUSED_TENANT_ID);
  await expect(refused).toHaveAttribute('data-state', 'noAccess');
  await expect(refused).toContainText('Sem acesso');
  await expect(refused.getByTestId('tenant-overview-retry')).toHaveCount(0);
  const tech = rowOf(page, 'TECH-001');
  await expect(tech).toHaveAttribute('data-state', 'server');
  await expect(tech.getByTestId('tenant-overview-problem')).toContainText('Não foi possível carregar');
  await expect(rowOf(page, 'BELGO-001').getByTestId('tenant-overview-cost')).toHaveText(reais(costOf('BELGO-001')));
  // Rows without figures go last, and the total counts only the rows with figures.
  expect((await shownIds(page))[0]).toBe('BELGO-001');
  await expect(page.getByTestId('tenant-overview-total-cost')).toHaveText(reais(costOf('BELGO-001')));
  // Every state side by side (figures, refused, failed with its Retry), in both themes.
  await expectAccessible(page);

  replica.faults.delete('/api/v1/admin/billing/usage/TECH-001');
  await tech.getByRole('button', { name: 'Tentar novamente: TECH-001' }).click();
  await expect(tech.getByTestId('tenant-overview-cost')).toHaveText(reais(costOf('TECH-001')));
  expect(await shownIds(page)).toEqual(['TECH-001', 'BELGO-001', REFUSED_TENANT_ID]);
  await expect(refused).toContainText('Sem acesso');
  await expect(rowOf(page, 'BELGO-001').getByTestId('tenant-overview-cost')).toHaveText(reais(costOf('BELGO-001')));
});

test('the full page exports the months shown as CSV beside the invoices, and #tenant=X&month=YYYY-MM opens that month', async ({
  context, signIn, extensionPage,
}) => {
  await signIn(await context.newPage(), 'belgo_admin');
  const page = await extensionPage(`billing.html#tenant=BELGO-001&month=${LAST_MONTH}`);
  const monthName = (m: string) => new Intl.DateTimeFormat('pt-BR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  await expect(page.getByTestId('full-month-label')).toHaveText(monthName(LAST_MONTH));
  await expect(page.getByTestId('billing-total-cost')).toHaveText(reais(adminUsage('BELGO-001', LAST_MONTH).total_cost_cents));
  // The trend's six months are loaded as they come into view: wait for the last of them.
  await expect(page.getByTestId('full-trend-table').locator('tbody tr')).toHaveCount(6);
  await expect(page.getByTestId('full-trend-table')).not.toContainText('…');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('full-export-months-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^meses-BELGO-001-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe(
    'mes;inicio;fim;moeda;custo_total;custo_api;custo_llm;custo_armazenamento;custo_computacao;chamadas_api;tokens_total;tokens_entrada;tokens_saida;armazenamento_mb;computacao_min',
  );
  const last = adminUsage('BELGO-001', LAST_MONTH);
  const row = lines.find((line) => line.startsWith(`${LAST_MONTH};`));
  expect(row?.split(';').slice(3, 5)).toEqual(['BRL', `"${(last.total_cost_cents / 100).toFixed(2).replace('.', ',')}"`]);
  // Six months, oldest first, the month shown last.
  expect(lines.slice(1, -1).map((line) => line.split(';')[0])).toEqual(
    Array.from({ length: 6 }, (_, i) => month(-6 + i)),
  );
  expect(lines.at(-1)).toBe('');
});
