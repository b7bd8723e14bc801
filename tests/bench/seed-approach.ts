/**
 * The host team's planned in-page billing (BILLING_DASHBOARD_CHANGES.md, Change 5), rebuilt
 * as a page script for comparison: on click it fetches usage and invoices in parallel, as
 * `loadBillingData` does (with the page's token, which the seed forgot, and the real tenant
 * instead of "default", so that it gets an answer at all), then renders the figures.
 * Resolves with the in-page milliseconds from click to rendered figures.
 */
import type { Page } from '@playwright/test';

/** Runs in the page. */
export async function seedOpen(tenant: string): Promise<number> {
  const started = performance.now();
  const headers = { Authorization: `Bearer ${localStorage.getItem('auth_token')}` };
  const [usageRes, invoicesRes] = await Promise.all([
    fetch(`/api/billing/usage?tenant_id=${tenant}&period=month`, { headers }),
    fetch(`/api/billing/invoices?tenant_id=${tenant}&limit=5`, { headers }),
  ]);
  const usage = usageRes.ok ? await usageRes.json() : null;
  const invoices = invoicesRes.ok ? ((await invoicesRes.json()).invoices ?? []) : [];
  const modal = document.createElement('div');
  const total = document.createElement('div');
  total.textContent = String(usage?.cost?.total ?? 'R$ 0,00');
  modal.append(total);
  for (const invoice of invoices) {
    const row = document.createElement('div');
    row.textContent = `${invoice.invoice_id} ${invoice.period} ${invoice.amount} ${invoice.status}`;
    modal.append(row);
  }
  document.body.append(modal);
  modal.getBoundingClientRect(); // layout, as a render would
  const elapsed = performance.now() - started;
  modal.remove();
  return elapsed;
}

export function timeSeedOpen(page: Page, tenantId: string): Promise<number> {
  return page.evaluate(seedOpen, tenantId);
}

/**
 * Cold, under the same conditions as ours (see armColdOpen): run the moment our entry appears
 * in a loading page, so both approaches meet the same busy host page. `window.__coldSeed`.
 */
export async function armColdSeed(page: Page, tenantId: string): Promise<void> {
  await page.addInitScript(
    ({ source, tenant }) => {
      const open = new Function(`return (${source})`)() as (tenant: string) => Promise<number>;
      const waitForEntry = () => {
        if (!document.querySelector('billing-overlay-entry')?.shadowRoot?.querySelector('[data-testid="billing-sidebar-entry"]')) {
          return void setTimeout(waitForEntry, 0);
        }
        void open(tenant).then((ms) => ((window as any).__coldSeed = ms));
      };
      waitForEntry();
    },
    { source: seedOpen.toString(), tenant: tenantId },
  );
}
