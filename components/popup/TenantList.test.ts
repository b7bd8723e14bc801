/**
 * The popup's list of every tenant the person may see: each row with that tenant's own figures
 * and marks, the active one marked; a row chosen becomes the active tenant; "Ver todos" opens
 * the full page's overview; one tenant alone gets no list.
 */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import TenantList from '@/components/popup/TenantList.svelte';
import type { Result } from '@/lib/billing/model';
import { brl } from '@/tests/support/usage';
import { fakeBackground, ok, tenantList, viewOf, type Message } from '@/components/popup/popup-background.support';

const FULL_PAGE = 'chrome-extension://id/billing.html';
const NO_QUOTAS = { api: null, llm: null, storage: null, compute: null };

/** BELGO-001 (active; R$ 27,02, R$ 24,70 in November, its LLM quota 10.5 times over), TECH-001 (stale, simulated) and whoever else. */
function background(ids: string[], more: (message: Message) => Result<unknown> | undefined = () => undefined) {
  return fakeBackground((message) => {
    const answer = more(message);
    if (answer) return answer;
    if (message.op === 'tenants.get') return ok(tenantList(ids, 'BELGO-001'));
    if (message.op === 'tenant.select') return ok(tenantList(ids, message.tenantId!));
    if (message.op !== 'billing.get') return { ok: false, error: { kind: 'notAvailable' } };
    if (message.month) return ok(viewOf(message.tenantId!, { month: message.month, total: brl(message.tenantId === 'BELGO-001' ? 2470 : 0) }));
    if (message.tenantId === 'TECH-001') return ok(viewOf('TECH-001', { total: brl(1234), quotas: NO_QUOTAS }, { stale: true, simulated: true }));
    return ok(viewOf(message.tenantId!));
  });
}

const row = (id: string) => screen.getAllByTestId('tenant-overview-row').find((r) => r.dataset.tenantId === id)!;
const openTab = vi.fn();

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('TenantList', () => {
  it("lists every tenant with its own cost, most-used quota, change since last month and marks", async () => {
    background(['BELGO-001', 'TECH-001']);
    render(TenantList, { props: { locale: 'pt-BR', fullPageUrl: FULL_PAGE, openTab } });
    await expect.poll(() => screen.queryAllByTestId('tenant-overview-cost').length).toBe(2);
    expect(screen.getByTestId('tenant-overview')).toBeInTheDocument();

    const belgo = within(row('BELGO-001'));
    expect(belgo.getByTestId('tenant-overview-cost')).toHaveTextContent('R$ 27,02');
    expect(belgo.getByTestId('tenant-overview-quota')).toHaveTextContent('LLM: 1.050% do incluído');
    await expect.poll(() => belgo.queryByTestId('tenant-overview-change')).toHaveTextContent('+9% em relação a novembro (+R$ 2,32)');
    expect(belgo.getByRole('button')).toHaveAttribute('aria-current', 'true');
    expect(belgo.getByRole('button')).toHaveTextContent('ativo');
    expect(belgo.queryByTestId('tenant-overview-stale')).toBeNull();

    const tech = within(row('TECH-001'));
    expect(tech.getByTestId('tenant-overview-cost')).toHaveTextContent('R$ 12,34');
    expect(tech.getByTestId('tenant-overview-stale')).toHaveTextContent('Desatualizado');
    expect(tech.getByTestId('tenant-overview-simulated')).toHaveTextContent('simulado');
    expect(tech.queryByTestId('tenant-overview-quota')).toBeNull();
    expect(tech.getByRole('button')).not.toHaveAttribute('aria-current');
  });

  it('a tenant the host refuses says so in its own row; the others keep their figures', async () => {
    background(['BELGO-001', 'TECH-001', 'NOPE-001'], (m) =>
      m.op === 'billing.get' && m.tenantId === 'NOPE-001' ? { ok: false, error: { kind: 'noAccess' } } : undefined);
    render(TenantList, { props: { locale: 'pt-BR', fullPageUrl: FULL_PAGE, openTab } });
    await expect.poll(() => within(row('NOPE-001')).queryByTestId('tenant-overview-problem')).toHaveTextContent('Sem acesso');
    expect(within(row('BELGO-001')).getByTestId('tenant-overview-cost')).toHaveTextContent('R$ 27,02');
    expect(within(row('TECH-001')).getByTestId('tenant-overview-cost')).toHaveTextContent('R$ 12,34');
  });

  it('choosing a row asks the background to make that tenant the active one; the active row asks nothing', async () => {
    const { asked } = background(['BELGO-001', 'TECH-001']);
    render(TenantList, { props: { locale: 'pt-BR', fullPageUrl: FULL_PAGE, openTab } });
    await expect.poll(() => screen.queryAllByTestId('tenant-overview-row').length).toBe(2);

    await fireEvent.click(within(row('BELGO-001')).getByRole('button'));
    await fireEvent.click(within(row('TECH-001')).getByRole('button'));
    await expect.poll(() => within(row('TECH-001')).getByRole('button').getAttribute('aria-current')).toBe('true');
    // Asked of the dashboard whose list it is, whichever is chosen by the time it arrives.
    expect(asked.filter((m) => m.op === 'tenant.select')).toEqual([{ op: 'tenant.select', tenantId: 'TECH-001', dashboard: 'http://localhost:9001' }]);
    expect(within(row('BELGO-001')).getByRole('button')).not.toHaveAttribute('aria-current');
  });

  it("a choice answered with another dashboard's list (chosen meanwhile) does not replace the list shown", async () => {
    const { asked } = background(['BELGO-001', 'TECH-001'], (m) =>
      m.op === 'tenant.select' ? ok({ ...tenantList(['BELGO-001', 'TECH-001'], 'TECH-001'), origin: 'http://localhost:9002' }) : undefined);
    render(TenantList, { props: { locale: 'pt-BR', fullPageUrl: FULL_PAGE, openTab } });
    await expect.poll(() => screen.queryAllByTestId('tenant-overview-row').length).toBe(2);
    await fireEvent.click(within(row('TECH-001')).getByRole('button'));
    await expect.poll(() => asked.some((m) => m.op === 'tenant.select')).toBe(true);
    // Once a macrotask has passed, the reply has been handled.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(within(row('BELGO-001')).getByRole('button')).toHaveAttribute('aria-current', 'true');
    expect(within(row('TECH-001')).getByRole('button')).not.toHaveAttribute('aria-current');
  });

  it('"Ver todos" opens the overview of the full page', async () => {
    background(['BELGO-001', 'TECH-001']);
    render(TenantList, { props: { locale: 'pt-BR', fullPageUrl: FULL_PAGE, openTab } });
    const link = await screen.findByRole('link', { name: 'Ver todos os tenants na página completa' });
    expect(link).toHaveAttribute('href', `${FULL_PAGE}#overview`);
    await fireEvent.click(link);
    expect(openTab).toHaveBeenCalledWith(`${FULL_PAGE}#overview`);
  });

  it('one tenant alone gets no list, and no figures are asked for it', async () => {
    const { asked } = background(['BELGO-001']);
    render(TenantList, { props: { locale: 'pt-BR', fullPageUrl: FULL_PAGE, openTab } });
    await expect.poll(() => asked.some((m) => m.op === 'tenants.get')).toBe(true);
    // Once a macrotask has passed, every reply already given has been handled.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByTestId('tenant-overview')).toBeNull();
    expect(asked.filter((m) => m.op === 'billing.get')).toEqual([]);
  });
});
