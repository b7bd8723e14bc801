/**
 * The budget and its alerts in the options page: the levels stored as the settings schema takes
 * them (ascending, without repeats, within bounds, so they never read back as the default), the
 * kinds of alert, and a tenant's own budget and levels kept under its dashboard and id.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import OptionsForm from '@/components/options/OptionsForm.svelte';
import { DEFAULT_DASHBOARD_ORIGIN, DEFAULT_SETTINGS, settingsItem } from '@/lib/storage/settings';
import { fakeBrowser } from 'wxt/testing';
import type { Result } from '@/lib/billing/model';
import type { AlertsView, Request, TenantList } from '@/lib/protocol/replies';
import { stubOptionsBrowser } from '@/components/options/options-page.support';

const stored = () => settingsItem.getValue();

const TENANTS: TenantList = {
  origin: DEFAULT_DASHBOARD_ORIGIN,
  person: 'belgo_admin',
  tenants: [
    { id: 'BELGO-001', name: 'Belgo Arames', color: null, source: 'host' },
    { id: 'TECH-001', name: 'TECH-001', color: null, source: 'chosen' },
  ],
  activeId: 'BELGO-001',
  hint: null,
};

/** The background's "Silenciar este mês", per tenant (the period is the background's to say). */
let silenced: Record<string, boolean> = {};
const alertsView = (tenantId: string): AlertsView => ({ tenantId, period: '2026-12', silenced: silenced[tenantId] ?? false, active: [] });

function background(request: Request): Result<unknown> {
  if (request.op === 'tenants.get') return { ok: true, value: TENANTS };
  if (request.op === 'alerts.get') return { ok: true, value: alertsView(request.tenantId!) };
  if (request.op === 'alerts.silence') {
    silenced[request.tenantId] = request.silenced;
    return { ok: true, value: alertsView(request.tenantId) };
  }
  return { ok: false, error: { kind: 'offline' } };
}

beforeEach(() => {
  silenced = {};
  stubOptionsBrowser(background);
  render(OptionsForm, { props: { firstSettings: DEFAULT_SETTINGS } });
});
afterEach(() => cleanup());

// The default levels (each tenant's row has levels of its own).
const levelInputs = () => within(screen.getByTestId('options-levels-field')).getAllByLabelText<HTMLInputElement>(/^Nível \d \(%\)$/);
const shownLevels = () => levelInputs().map((input) => input.value);

describe('default budget levels', () => {
  it('are stored ascending and without repeats, whatever order they are typed in', async () => {
    expect(shownLevels()).toEqual(['50', '80', '100']);
    await fireEvent.change(levelInputs()[0]!, { target: { value: '120' } });
    await expect.poll(async () => (await stored()).budgetLevels).toEqual([80, 100, 120]);
    expect(await screen.findByTestId('options-levels-saved')).toHaveTextContent('Salvo: alertas aos 80%, 100% e 120%.');
    await expect.poll(() => shownLevels()).toEqual(['80', '100', '120']);

    await fireEvent.change(levelInputs()[0]!, { target: { value: '100' } });
    await expect.poll(async () => (await stored()).budgetLevels).toEqual([100, 120]);
    expect(screen.getByTestId('options-levels-saved')).toHaveTextContent('100% já estava na lista. Salvo: alertas aos 100% e 120%.');

    await fireEvent.click(within(screen.getByTestId('options-levels-field')).getByRole('button', { name: 'Adicionar nível' }));
    const added = screen.getByLabelText<HTMLInputElement>('Novo nível (%)');
    expect(added).toHaveFocus();
    await fireEvent.change(added, { target: { value: '30' } });
    await expect.poll(async () => (await stored()).budgetLevels).toEqual([30, 100, 120]);
    await expect.poll(() => shownLevels()).toEqual(['30', '100', '120']);
  });

  it('a level out of bounds is saved at the bound, and the line says so', async () => {
    await fireEvent.change(levelInputs()[2]!, { target: { value: '900' } });
    await expect.poll(async () => (await stored()).budgetLevels).toEqual([50, 80, 500]);
    expect(await screen.findByTestId('options-levels-saved')).toHaveTextContent(
      '900% está fora do intervalo de 1% a 500%: ficou 500%. Salvo: alertas aos 50%, 80% e 500%.',
    );
    await expect.poll(() => shownLevels()).toEqual(['50', '80', '500']);

    await fireEvent.change(levelInputs()[0]!, { target: { value: '0' } });
    await expect.poll(async () => (await stored()).budgetLevels).toEqual([1, 80, 500]);
  });

  it('at least one stays: the last level cannot be removed', async () => {
    await fireEvent.click(screen.getByRole('button', { name: 'Remover o nível de 50%' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Remover o nível de 80%' }));
    await expect.poll(async () => (await stored()).budgetLevels).toEqual([100]);
    expect(await screen.findByRole('button', { name: 'Remover o nível de 100%' })).toBeDisabled();
  });
});

describe('kinds of alert', () => {
  it('each box is saved on its own, and the line says what changed', async () => {
    await fireEvent.click(screen.getByLabelText('a estimativa para o fim do mês passar do orçamento'));
    await expect.poll(async () => (await stored()).alertKinds).toEqual({ budget: true, estimate: false, quota: true });
    expect(await screen.findByTestId('options-kinds-saved')).toHaveTextContent(
      'Salvo: sem aviso quando a estimativa para o fim do mês passar do orçamento.',
    );
    await fireEvent.click(screen.getByLabelText('uma cota chegar a 80% e a 100% do plano'));
    await expect.poll(async () => (await stored()).alertKinds).toEqual({ budget: true, estimate: false, quota: false });
    await fireEvent.click(screen.getByLabelText('a estimativa para o fim do mês passar do orçamento'));
    await expect.poll(async () => (await stored()).alertKinds).toEqual({ budget: true, estimate: true, quota: false });
    expect(screen.getByTestId('options-kinds-saved')).toHaveTextContent(
      'Salvo: avisar quando a estimativa para o fim do mês passar do orçamento.',
    );
  });
});

describe('a tenant budget of its own', () => {
  const row = async (tenantId: string) => {
    const rows = await screen.findAllByTestId('options-tenant-budget');
    const found = rows.find((element) => element.dataset.tenant === tenantId)!;
    await fireEvent.click(within(found).getByText(/^(Belgo Arames \(BELGO-001\)|TECH-001)$/));
    return found;
  };

  it('is saved under the dashboard and the tenant, and cleared back to the default', async () => {
    const tech = await row('TECH-001');
    const budget = within(tech).getByLabelText('Orçamento mensal de TECH-001 (R$)');
    expect(budget).toHaveAccessibleDescription('Vazio: vale o limite do servidor, pois não há orçamento padrão.');
    await fireEvent.change(budget, { target: { value: '30' } });
    await expect.poll(async () => (await stored()).tenantBudgets).toEqual([
      { origin: DEFAULT_DASHBOARD_ORIGIN, tenantId: 'TECH-001', budgetCents: 3000, budgetLevels: null },
    ]);
    expect(await within(tech).findByTestId('options-tenant-budget-saved')).toHaveTextContent('Orçamento de TECH-001 salvo: R$ 30,00.');
    expect(tech.querySelector('summary')).toHaveTextContent('orçamento próprio: R$ 30,00');

    await fireEvent.change(budget, { target: { value: '' } });
    await expect.poll(async () => (await stored()).tenantBudgets).toEqual([]);
    expect(within(tech).getByTestId('options-tenant-budget-saved')).toHaveTextContent('TECH-001 volta ao orçamento padrão.');
    expect((await stored()).budgetCents).toBeNull();
  });

  it('its levels start empty (the default ones apply), and removing the last goes back to them', async () => {
    const belgo = await row('BELGO-001');
    expect(belgo).toHaveTextContent('Sem níveis próprios: valem os níveis padrão (50%, 80% e 100%).');
    await fireEvent.click(within(belgo).getByRole('button', { name: 'Adicionar nível' }));
    await fireEvent.change(within(belgo).getByLabelText('Novo nível (%)'), { target: { value: '90' } });
    await expect.poll(async () => (await stored()).tenantBudgets).toEqual([
      { origin: DEFAULT_DASHBOARD_ORIGIN, tenantId: 'BELGO-001', budgetCents: null, budgetLevels: [90] },
    ]);
    expect((await stored()).budgetLevels).toEqual([50, 80, 100]);

    await fireEvent.click(within(belgo).getByRole('button', { name: 'Remover o nível de 90%' }));
    await expect.poll(async () => (await stored()).tenantBudgets).toEqual([]);
    expect(within(belgo).getByTestId('tenant-BELGO-001-levels-saved')).toHaveTextContent(
      'Belgo Arames (BELGO-001) volta aos níveis padrão (50%, 80% e 100%).',
    );
  });

  it('"Silenciar este mês" is read when the row opens, and asks the background to silence that tenant', async () => {
    expect(fakeBrowser.runtime.sendMessage).not.toHaveBeenCalledWith(expect.objectContaining({ op: 'alerts.get' }));
    const belgo = await row('BELGO-001');
    const toggle = await within(belgo).findByLabelText('Silenciar este mês');
    await expect.poll(() => toggle).toBeEnabled();
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription('Nenhum alerta deste tenant até o fim do mês; no mês seguinte eles voltam.');
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ op: 'alerts.get', tenantId: 'BELGO-001' });

    await fireEvent.click(toggle);
    expect(await within(belgo).findByTestId('options-tenant-silence-saved')).toHaveTextContent(
      'Alertas de Belgo Arames (BELGO-001) silenciados até o fim de dezembro de 2026.',
    );
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ op: 'alerts.silence', tenantId: 'BELGO-001', silenced: true });
    expect(silenced).toEqual({ 'BELGO-001': true });
    expect(toggle).toBeChecked();

    await fireEvent.click(toggle);
    await expect.poll(() => silenced).toEqual({ 'BELGO-001': false });
    expect(await within(belgo).findByText('Alertas de Belgo Arames (BELGO-001) ligados de novo em dezembro de 2026.')).toBeVisible();
  });
});
