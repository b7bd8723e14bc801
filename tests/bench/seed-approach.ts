/**
 * The host team's planned in-page billing (BILLING_DASHBOARD_CHANGES.md, Change 5), rebuilt
 * as a page script for comparison: on click it fetches usage and invoices in parallel, as
 * `loadBillingData` does (with the page's token, which the seed forgot, and the real tenant
 * instead of "default", so that it gets an answer at all), then renders the figures.
 * Only the panel family exists for it: on a host without the panel (or with a token the panel
 * refuses) it gets errors and renders nothing but zeros, so the time of its first answer is
 * kept too, the fairest thing to set beside ours there.
 */
import type { Page } from '@playwright/test';

export interface SeedOpen {
  /** In-page milliseconds from click to rendered figures (or rendered zeros). */
  ms: number;
  /** In-page milliseconds from click to the first of its two answers. */
  firstAnswerMs: number;
  /** Whether the host gave it figures (usage answered 200). */
  figures: boolean;
}

/** Runs in the page. */
export async function seedOpen(tenant: string): Promise<SeedOpen> {
  const started = performance.now();
  let firstAnswerMs = 0;
  const headers = { Authorization: `Bearer ${localStorage.getItem('auth_token')}` };
  const timed = (request: Promise<Response>) =>
    request.then((response) => {
      firstAnswerMs ||= performance.now() - started;
      return response;
    });
  const [usageRes, invoicesRes] = await Promise.all([
    timed(fetch(`/api/billing/usage?tenant_id=${tenant}&period=month`, { headers })),
    timed(fetch(`/api/billing/invoices?tenant_id=${tenant}&limit=5`, { headers })),
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
  const ms = performance.now() - started;
  modal.remove();
  return { ms, firstAnswerMs, figures: usageRes.ok };
}

export function timeSeedOpen(page: Page, tenantId: string): Promise<SeedOpen> {
  return page.evaluate(seedOpen, tenantId);
}

/**
 * Cold, under the same conditions as ours (see armColdOpen): run the moment our entry appears
 * in a loading page, so both approaches meet the same busy host page. `window.__coldSeed`.
 */
export async function armColdSeed(page: Page, tenantId: string): Promise<void> {
  await page.addInitScript(
    ({ source, tenant }) => {
      const open = new Function(`return (${source})`)() as (tenant: string) => Promise<SeedOpen>;
      const waitForEntry = () => {
        if (!document.querySelector('billing-overlay-entry')?.shadowRoot?.querySelector('[data-testid="billing-sidebar-entry"]')) {
          return void setTimeout(waitForEntry, 0);
        }
        void open(tenant).then((result) => ((window as any).__coldSeed = result));
      };
      waitForEntry();
    },
    { source: seedOpen.toString(), tenant: tenantId },
  );
}
