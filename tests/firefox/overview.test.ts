/**
 * Every tenant at a glance (issue #24) in a real Firefox, against the replica as the host is
 * (admin v1, the login page's token): belgo_admin confirms BELGO-001 and types TECH-001 and a
 * tenant the host refuses in the options page; the full page's overview shows each one's own
 * figures, most expensive first, "Sem acesso" in the refused one's row, exports what it shows
 * as CSV and opens a tenant's full page; the popup lists the same tenants with their own costs.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { attributeOf, byTestId, clickTestId, countOf, eventually, startFirefoxSuite, textOf } from './harness';
import { adminUsage, monthKey } from '../replica/billing-data';
import { REFUSED_TENANT_ID, refuseTenant } from '../replica/scale-tenants';

const suite = await startFirefoxSuite();
after(() => suite.close());

const THIS_MONTH = monthKey(new Date());
/** "R$ 27,02" with the white space collapsed, as textOf reads it. */
const reais = (tenantId: string) =>
  new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(adminUsage(tenantId, THIS_MONTH).total_cost_cents / 100).replace(/\s+/g, ' ');

/** Types a tenant id into the options page's field and adds it (Enter), as support staff do. */
async function typeTenant(options: Page, tenantId: string): Promise<void> {
  await options.bringToFront();
  const field = byTestId('options-tenant-add');
  await eventually(async () => (await options.$(field)) !== null, true);
  await options.$eval(field, (input) => (input as HTMLInputElement).focus());
  await options.keyboard.type(tenantId);
  await options.keyboard.press('Enter');
  await eventually(async () => (await options.$(`>>> [data-testid="options-tenant-item"][data-tenant="${tenantId}"]`)) !== null, true);
}

/** The rows' tenant ids, in the order shown. */
const shownIds = (page: Page) => page.$$eval('[data-testid="tenant-overview-row"]', (rows) => rows.map((row) => row.getAttribute('data-tenant-id')));
const rowText = (page: Page, id: string, testId: string) =>
  page.$eval(`[data-testid="tenant-overview-row"][data-tenant-id="${id}"] [data-testid="${testId}"]`, (node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim()).catch(() => null);
const rowState = (page: Page, id: string) => page.$eval(`[data-testid="tenant-overview-row"][data-tenant-id="${id}"]`, (row) => row.getAttribute('data-state')).catch(() => null);

/**
 * The CSV the export button makes, as the page hands it to the browser: the Blob behind the
 * download link, read before the download itself is stopped (Firefox would show its panel).
 */
async function exportedCsv(page: Page, testId: string): Promise<{ name: string; text: string }> {
  await page.evaluate(() => {
    const seen = ((globalThis as any).__exported = [] as Blob[]);
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => (seen.push(blob), create(blob));
    document.addEventListener('click', (event) => {
      const link = event.target as HTMLAnchorElement;
      if (!link.download) return;
      (((globalThis as any).__names ??= []) as string[]).push(link.download);
      event.preventDefault();
    }, true);
  });
  await clickTestId(page, testId);
  await eventually(() => page.evaluate(() => ((globalThis as any).__exported as Blob[]).length), 1);
  return page.evaluate(async () => ({ name: ((globalThis as any).__names as string[])[0]!, text: await ((globalThis as any).__exported as Blob[])[0]!.text() }));
}

test('the overview shows BELGO-001 and TECH-001 most expensive first, "Sem acesso" for the refused tenant, exports CSV, opens a tenant', async (t) => {
  const dashboard = await suite.dashboard(t, { state: 'today' });
  refuseTenant(dashboard.replica.faults);
  await dashboard.signIn(await dashboard.newPage(), 'belgo_admin');
  const options = await dashboard.extensionPage('options.html');
  await typeTenant(options, 'TECH-001');
  await typeTenant(options, REFUSED_TENANT_ID);

  const page = await dashboard.extensionPage('billing.html#overview');
  await eventually(() => countOf(page, 'tenant-overview'), 1);
  await eventually(() => rowText(page, 'BELGO-001', 'tenant-overview-cost'), reais('BELGO-001'));
  await eventually(() => rowText(page, 'TECH-001', 'tenant-overview-cost'), reais('TECH-001'));
  await eventually(() => rowState(page, REFUSED_TENANT_ID), 'noAccess');
  assert.match((await rowText(page, REFUSED_TENANT_ID, 'tenant-overview-problem')) ?? '', /^Sem acesso/);
  assert.deepEqual(await shownIds(page), ['TECH-001', 'BELGO-001', REFUSED_TENANT_ID]);
  assert.equal(await page.$eval('th[aria-sort]', (th) => `${th.textContent?.trim()}|${th.getAttribute('aria-sort')}`), 'Custo|descending');

  // By name, A→Z: the refused tenant has a name too, so it takes its place.
  await clickTestId(page, 'tenant-overview-sort-tenant');
  await eventually(() => shownIds(page), ['BELGO-001', REFUSED_TENANT_ID, 'TECH-001']);
  await clickTestId(page, 'tenant-overview-sort-cost');
  await eventually(() => shownIds(page), ['TECH-001', 'BELGO-001', REFUSED_TENANT_ID]);

  const { name, text } = await exportedCsv(page, 'tenant-overview-export-csv');
  assert.match(name, /^tenants-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0]!.split(';')[0], 'tenant_id');
  assert.deepEqual(lines.slice(1, -1).map((line) => line.split(';')[0]), ['TECH-001', 'BELGO-001', REFUSED_TENANT_ID]);
  assert.match(lines[2]!, new RegExp(`^BELGO-001;BELGO-001;chosen;${THIS_MONTH};"27,02";BRL;120;`));
  assert.match(lines[3]!, /;noAccess$/);

  // The popup lists the same tenants, each with its own cost, under the active one's figures.
  const popup = await dashboard.extensionPage('popup.html');
  await eventually(() => rowText(popup, 'BELGO-001', 'tenant-overview-cost'), reais('BELGO-001'));
  await eventually(() => rowText(popup, 'TECH-001', 'tenant-overview-cost'), reais('TECH-001'));
  await eventually(() => rowState(popup, REFUSED_TENANT_ID), 'noAccess');
  assert.equal(await popup.$$eval('[data-testid="tenant-overview"] [data-testid="tenant-overview-row"]', (rows) => rows.length), 3);
  await page.bringToFront();

  // A row opens its tenant's full page.
  await page.click(`[data-testid="tenant-overview-row"][data-tenant-id="TECH-001"] [data-testid="tenant-overview-open"]`);
  await eventually(() => textOf(page, 'billing-total-cost'), reais('TECH-001'));
  assert.equal(await page.evaluate(() => location.hash), '#tenant=TECH-001');
  assert.equal(await attributeOf(page, 'full-overview-link', 'href'), '#overview');
});
