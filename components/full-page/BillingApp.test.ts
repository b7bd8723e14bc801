/**
 * billing.html follows its address's dashboard (#26): a full page opened for the second of the
 * person's dashboards names it beside every question and in its header, and leads there to sign
 * in; the overview of two dashboards asks each about its own tenants, in a group of its own,
 * whose rows open their tenant's page at that dashboard.
 */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { fakeBrowser } from 'wxt/testing';
import BillingApp from '@/components/full-page/BillingApp.svelte';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings-shape';
import { settingsItem } from '@/lib/storage/settings';
import { snapshot } from '@/tests/support/tenant-overview';
import { brl } from '@/tests/support/usage';

const [A, B] = ['http://localhost:9001', 'http://localhost:9002'];
const settings = { ...DEFAULT_SETTINGS, dashboards: [{ name: 'Produção', origin: A }, { name: 'Homologação', origin: B }], dashboardOrigin: A };
const tenant = (id: string) => ({ id, name: id, color: null, source: 'host' });
const view = (id: string, origin: string, cents: number) => ({
  ok: true,
  value: { tenant: tenant(id), snapshot: { ...snapshot(id, { total: brl(cents) }), origin }, stale: false, refreshError: null, retryAt: null },
});

type Message = Record<string, unknown> & { op: string; dashboard?: string };
let sent: Message[];

/** The background as a test sees it: `reply` answers each message. */
function background(reply: (message: Message) => unknown): void {
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: Message) => {
    sent.push(message);
    return Promise.resolve(reply(message));
  }) as never);
}

/** Opens billing.html at `hash`, as the browser does: the address is there before the page starts (no hashchange). */
/** billing.html at `hash`, with `budgets` stored (as the page reads them before it mounts). */
async function open(hash: string, budgets = settings): Promise<void> {
  await settingsItem.setValue(budgets);
  history.replaceState(null, '', hash);
  render(BillingApp, { budgets });
}

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => {
  cleanup();
  history.replaceState(null, '', location.pathname);
});

describe('BillingApp', () => {
  it("a tenant's page at the second dashboard asks that dashboard every question, names it in its header and signs in there", async () => {
    background((m) => (m.op === 'billing.get' && !m.month ? view('TECH-001', B, 4150) : { ok: false, error: { kind: 'signedOut' } }));
    await open(`#tenant=TECH-001&dashboard=${encodeURIComponent(B)}`);
    await vi.waitFor(() => expect(screen.getByTestId('full-tenant')).toHaveTextContent('TECH-001'));
    expect(screen.getByTestId('full-dashboard')).toHaveTextContent(`Dashboard Agile: Homologação ${B}`);
    // The alerts and the trend's months were asked too, all of B.
    await vi.waitFor(() => expect(new Set(sent.map((m) => m.op))).toEqual(new Set(['billing.get', 'alerts.get'])));
    expect(sent.filter((m) => m.month).length).toBeGreaterThan(0);
    expect(sent.every((m) => m.dashboard === B)).toBe(true);
  });

  it('a page at a dashboard where nobody is signed in opens that dashboard to sign in', async () => {
    background(() => ({ ok: false, error: { kind: 'signedOut' } }));
    const opened = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await open(`#tenant=TECH-001&dashboard=${encodeURIComponent(B)}`);
    await fireEvent.click(await screen.findByTestId('billing-open-dashboard'));
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith({ url: `${B}/` }));
  });

  it('without a dashboard in its address, the page is the chosen one\'s, named so, and its questions name none', async () => {
    background((m) => (m.op === 'billing.get' && !m.month ? view('BELGO-001', A, 2702) : { ok: false, error: { kind: 'signedOut' } }));
    await open('#tenant=BELGO-001');
    await vi.waitFor(() => expect(screen.getByTestId('full-tenant')).toHaveTextContent('BELGO-001'));
    expect(screen.getByTestId('full-dashboard')).toHaveTextContent('Dashboard Agile: Produção');
    expect(sent.every((m) => m.dashboard === undefined)).toBe(true);
  });

  it("the overview of two dashboards: a group each, each asking its own, each row opening its tenant's page there", async () => {
    background((m) => {
      if (m.op === 'tenants.get' && m.dashboard === B) return { ok: false, error: { kind: 'signedOut' } };
      if (m.op === 'tenants.get') return { ok: true, value: { origin: A, person: 'belgo_admin', tenants: [tenant('BELGO-001')], activeId: 'BELGO-001', hint: null } };
      return m.month ? { ok: false, error: { kind: 'notAvailable' } } : view('BELGO-001', A, 2702);
    });
    await open('#overview');
    const groups = await screen.findAllByTestId('tenant-overview-group');
    expect(groups.map((g) => [g.dataset.origin, g.querySelector('h3')?.textContent?.replace(/\s+/g, ' ').trim()])).toEqual([
      [A, `Produção ${A}`],
      [B, `Homologação ${B}`],
    ]);
    await vi.waitFor(() => expect(within(groups[0]!).getByTestId('tenant-overview-cost')).toHaveTextContent('R$ 27,02'));
    expect(within(groups[0]!).getByTestId('tenant-overview-open').getAttribute('href')).toBe(`#tenant=BELGO-001&dashboard=${encodeURIComponent(A)}`);
    // Signed out at B says so in B's group alone, with the way to sign in there.
    expect(within(groups[1]!).getByTestId('billing-state')).toHaveAttribute('data-state', 'signedOut');
    expect(within(groups[1]!).getByTestId('billing-open-dashboard')).toBeInTheDocument();
    // Several dashboards: each group names its own; the header names none.
    expect(screen.queryByTestId('full-dashboard')).toBeNull();
    expect(sent.filter((m) => m.op === 'tenants.get').map((m) => m.dashboard)).toEqual([A, B]);
    expect(sent.every((m) => m.dashboard === A || m.dashboard === B)).toBe(true);
  });

  it('the overview of one dashboard looks as before: no groups, the header names the dashboard, rows open the chosen one', async () => {
    background((m) =>
      m.op === 'tenants.get'
        ? { ok: true, value: { origin: A, person: 'belgo_admin', tenants: [tenant('BELGO-001')], activeId: 'BELGO-001', hint: null } }
        : m.month ? { ok: false, error: { kind: 'notAvailable' } } : view('BELGO-001', A, 2702),
    );
    await open('#overview', { ...settings, dashboards: [{ name: 'Produção', origin: A }] });
    await vi.waitFor(() => expect(screen.getByTestId('tenant-overview-cost')).toHaveTextContent('R$ 27,02'));
    expect(screen.queryByTestId('tenant-overview-group')).toBeNull();
    expect(screen.getByTestId('full-dashboard')).toHaveTextContent('Dashboard Agile: Produção');
    expect(screen.getByTestId('tenant-overview-open').getAttribute('href')).toBe('#tenant=BELGO-001');
    expect(sent.every((m) => m.dashboard === undefined)).toBe(true);
  });
});
