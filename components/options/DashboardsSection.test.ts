/**
 * The dashboards in the options page: each row with its access, adding one (validated, not twice,
 * at most ten, access asked for in the same click, then chosen), renaming, choosing, and removing
 * (confirmed first, from the keyboard too; the chosen one moves on). The rest of the page follows
 * the chosen one: its tenants are asked for again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { fakeBrowser } from 'wxt/testing';
import OptionsForm from '@/components/options/OptionsForm.svelte';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '@/lib/storage/settings';
import { SETTING_BOUNDS } from '@/lib/storage/settings-shape';
import type { Request, TenantList } from '@/lib/protocol/replies';
import { stubOptionsBrowser } from '@/components/options/options-page.support';

const PROD = 'https://agile.example.com';
const STAGING = 'https://staging.example.com';

/** The background: each dashboard's tenants, named after its origin, so the page shows whose they are. */
const tenantsAsked: string[] = [];
async function background(request: Request): Promise<unknown> {
  if (request.op !== 'tenants.get') return { ok: true, value: null };
  const origin = (await settingsItem.getValue()).dashboardOrigin;
  tenantsAsked.push(origin);
  const list: TenantList = { origin, person: `admin@${new URL(origin).hostname}`, tenants: [], activeId: null, hint: null };
  return { ok: true, value: list };
}

async function open(settings: Partial<Settings>) {
  const stored = { ...DEFAULT_SETTINGS, ...settings };
  await settingsItem.setValue(stored);
  render(OptionsForm, { props: { firstSettings: stored } });
}

const row = (origin: string) => screen.getAllByTestId('options-dashboard-row').find((r) => r.dataset['origin'] === origin)!;
const rowOrigins = () => screen.queryAllByTestId('options-dashboard-row').map((r) => r.dataset['origin']);
const stored = () => settingsItem.getValue();

async function typeAndAdd(address: string, name = '') {
  await fireEvent.input(screen.getByTestId('options-dashboard-add-origin'), { target: { value: address } });
  await fireEvent.input(screen.getByLabelText('Nome (opcional)'), { target: { value: name } });
  await fireEvent.click(screen.getByTestId('options-dashboard-add'));
}

beforeEach(() => {
  tenantsAsked.length = 0;
  stubOptionsBrowser(background);
});
afterEach(() => cleanup());

describe('the list', () => {
  it('shows each dashboard with its access; "Autorizar acesso" asks for the one out of reach', async () => {
    vi.mocked(fakeBrowser.permissions.contains).mockImplementation((async ({ origins }: { origins: string[] }) =>
      origins[0] !== 'https://staging.example.com/*') as never);
    await open({ dashboards: [{ name: 'Produção', origin: PROD }, { name: '', origin: STAGING }], dashboardOrigin: PROD });

    expect(rowOrigins()).toEqual([PROD, STAGING]);
    expect(screen.getByRole('radio', { name: 'Produção' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'staging.example.com' })).not.toBeChecked();
    expect(await within(row(PROD)).findByTestId('options-dashboard-granted')).toHaveTextContent('Acesso autorizado');
    const missing = await within(row(STAGING)).findByTestId('options-access-missing');
    expect(missing).toHaveTextContent(`Esta extensão não tem acesso a ${STAGING}`);
    expect(within(row(PROD)).queryByTestId('options-access-missing')).toBeNull();

    await fireEvent.click(within(missing).getByRole('button', { name: 'Autorizar acesso' }));
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://staging.example.com/*'] });
    await expect.poll(() => within(row(STAGING)).queryByTestId('options-access-missing')).toBeNull();
  });
});

describe('adding', () => {
  beforeEach(() => open({ dashboards: [], dashboardOrigin: PROD }));

  it('refuses what is not an address, or one already listed, without asking the browser', async () => {
    await typeAndAdd('ftp://agile.example.com');
    expect(await screen.findByTestId('options-origin-message')).toHaveTextContent('Endereço inválido: use http(s)://servidor[:porta]');
    await typeAndAdd(`${PROD}/kanban`);
    await expect.poll(() => screen.getByTestId('options-origin-message').textContent).toBe(`${PROD} já está na lista.`);
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
    expect(await stored()).toMatchObject({ dashboards: [], dashboardOrigin: PROD });
  });

  it('asks for access in the click; refused, nothing is stored', async () => {
    vi.mocked(fakeBrowser.permissions.request).mockResolvedValue(false);
    await typeAndAdd(STAGING);
    expect(await screen.findByTestId('options-origin-message')).toHaveTextContent('Permissão negada: nada foi adicionado.');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://staging.example.com/*'] });
    expect(await stored()).toMatchObject({ dashboards: [], dashboardOrigin: PROD });
  });

  it('granted: stores it with its name and chooses it; the page then shows its tenants; the background registers the overlay', async () => {
    await expect.poll(() => tenantsAsked).toEqual([PROD]);
    await typeAndAdd(`${STAGING}/board`, 'Homologação');

    expect(await screen.findByTestId('options-origin-message')).toHaveTextContent(`Adicionado: ${STAGING}. É o escolhido agora.`);
    expect(await stored()).toMatchObject({ dashboards: [{ name: '', origin: PROD }, { name: 'Homologação', origin: STAGING }], dashboardOrigin: STAGING });
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ op: 'overlay.register' });
    expect(fakeBrowser.scripting.registerContentScripts).not.toHaveBeenCalled();
    await expect.poll(rowOrigins).toEqual([PROD, STAGING]);
    expect(screen.getByRole('radio', { name: 'Homologação' })).toBeChecked();
    expect(screen.getByTestId('options-dashboard-scope')).toHaveTextContent('são do escolhido: Homologação.');
    await expect.poll(() => tenantsAsked).toEqual([PROD, STAGING]);
    expect(await screen.findByRole('heading', { name: 'Tenants de admin@staging.example.com neste Dashboard Agile' })).toBeInTheDocument();
    expect(screen.getByTestId('options-dashboard-add-origin')).toHaveValue('');
  });
});

it(`refuses an eleventh dashboard (at most ${SETTING_BOUNDS.dashboardCount.max})`, async () => {
  const dashboards = Array.from({ length: SETTING_BOUNDS.dashboardCount.max }, (_, i) => ({ name: `D${i}`, origin: `https://d${i}.example.com` }));
  await open({ dashboards, dashboardOrigin: dashboards[0]!.origin });
  await typeAndAdd(STAGING);
  expect(await screen.findByTestId('options-origin-message')).toHaveTextContent('A lista já tem 10: remova um para adicionar outro.');
  expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  expect((await stored()).dashboards).toEqual(dashboards);
});

it('renaming stores the name, and the row says it', async () => {
  await open({ dashboards: [{ name: '', origin: PROD }], dashboardOrigin: PROD });
  const field = within(row(PROD)).getByLabelText(`Nome (opcional) — ${PROD}`);
  await fireEvent.change(field, { target: { value: '  Produção  ' } });
  expect(await within(row(PROD)).findByTestId('options-dashboard-renamed')).toHaveTextContent('Salvo: aparece como Produção.');
  expect((await stored()).dashboards).toEqual([{ name: 'Produção', origin: PROD }]);
  await expect.poll(() => screen.queryByRole('radio', { name: 'Produção' })).not.toBeNull();
});

it('choosing another makes the page about it', async () => {
  await open({ dashboards: [{ name: 'Produção', origin: PROD }, { name: 'Homologação', origin: STAGING }], dashboardOrigin: PROD });
  await fireEvent.click(screen.getByRole('radio', { name: 'Homologação' }));
  await expect.poll(async () => (await stored()).dashboardOrigin).toBe(STAGING);
  expect(await screen.findByTestId('options-dashboards-status')).toHaveTextContent('Escolhido: Homologação.');
  await expect.poll(() => tenantsAsked).toEqual([PROD, STAGING]);
});

describe('removing', () => {
  beforeEach(() => open({
    dashboards: [{ name: 'Produção', origin: PROD }, { name: 'Homologação', origin: STAGING }],
    dashboardOrigin: PROD,
    tenantBudgets: [{ origin: PROD, tenantId: 'BELGO-001', budgetCents: 3000, budgetLevels: null }],
  }));

  it('says what goes and waits for a yes; Escape takes it back, the focus where it was', async () => {
    const remove = within(row(PROD)).getByRole('button', { name: 'Remover Produção' });
    await fireEvent.click(remove);
    const question = within(row(PROD)).getByRole('group', { name: /^Remover Produção\? A extensão esquece a sessão, os valores guardados, os orçamentos por tenant e a autorização de acesso deste endereço/ });
    const cancel = within(question).getByRole('button', { name: 'Cancelar' });
    await expect.poll(() => document.activeElement).toBe(cancel);
    await fireEvent.keyDown(cancel, { key: 'Escape' });
    await expect.poll(() => within(row(PROD)).queryByRole('group')).toBeNull();
    await expect.poll(() => document.activeElement).toBe(remove);
    expect((await stored()).dashboards).toHaveLength(2);
  });

  it('confirmed: the chosen one goes with its tenant budgets, the next is chosen and takes the focus', async () => {
    await fireEvent.click(within(row(PROD)).getByRole('button', { name: 'Remover Produção' }));
    await fireEvent.click(within(row(PROD)).getByRole('button', { name: 'Sim, remover' }));

    await expect.poll(rowOrigins).toEqual([STAGING]);
    expect(await stored()).toMatchObject({ dashboards: [{ name: 'Homologação', origin: STAGING }], dashboardOrigin: STAGING, tenantBudgets: [] });
    expect(screen.getByTestId('options-dashboards-status')).toHaveTextContent('Produção removido. Escolhido agora: Homologação.');
    await expect.poll(() => document.activeElement).toBe(screen.getByRole('radio', { name: 'Homologação' }));
    await expect.poll(() => tenantsAsked).toEqual([PROD, STAGING]);
  });

  it('the last one gone, none is chosen and the page asks for one', async () => {
    for (const [origin, name] of [[PROD, 'Produção'], [STAGING, 'Homologação']] as const) {
      await fireEvent.click(within(row(origin)).getByRole('button', { name: `Remover ${name}` }));
      await fireEvent.click(within(row(origin)).getByRole('button', { name: 'Sim, remover' }));
      await expect.poll(() => rowOrigins().includes(origin)).toBe(false);
    }
    expect(await stored()).toMatchObject({ dashboards: [], dashboardOrigin: '' });
    expect(screen.getByTestId('options-dashboards-none')).toHaveTextContent('Nenhum Dashboard Agile ainda. Adicione um abaixo');
    expect(screen.getByTestId('options-no-dashboard')).toBeInTheDocument();
    expect(screen.queryByTestId('options-check')).toBeNull();
    await expect.poll(() => document.activeElement).toBe(screen.getByTestId('options-dashboard-add-origin'));
  });
});
