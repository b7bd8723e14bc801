/**
 * The options page for a first-time user: what each field is, what the extension sees, every
 * change confirmed; and the list of dashboards, one added beside the first and removed again.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { startReplica } from '../replica/server';
import { overlayRegisteredFor } from '../tooling/extension-browser';

/** The settings as stored, read from one of our pages. */
const storedSettings = (page: Page) => page.evaluate(async () => {
  const chrome = (globalThis as any).chrome;
  return (await chrome.storage.local.get('settings'))['settings'];
});

/** The origins the overlay's content script is registered for. */
const registered = (background: Worker): Promise<string[]> =>
  background.evaluate(async () =>
    ((await (globalThis as any).chrome.scripting.getRegisteredContentScripts()) as { matches?: string[] }[]).flatMap((s) => s.matches ?? []),
  );

test('before any sign-in: each field explains itself, and the check says nobody is signed in', async ({ background, extensionPage, replica }) => {
  void background;
  const page = await extensionPage('options.html');
  await expect(page.getByLabel('Endereço do Dashboard Agile')).toHaveAccessibleDescription(/Ex\.: https:\/\/agile\.suaempresa\.com\.br/);
  await expect(page.getByLabel('Orçamento mensal (R$)')).toHaveAccessibleDescription(/Deixe vazio para usar o limite definido no servidor/);
  await expect(page.getByTestId('billing-state')).toHaveAttribute('data-state', 'neverSignedIn');
  await page.getByTestId('options-check').click();
  const result = page.getByTestId('options-check-result');
  await expect(result).toContainText(new RegExp(`Endereço\\s*${replica.origin}`));
  await expect(result).toContainText(/Permissão de acesso\s*concedida/);
  await expect(result).toContainText(/Conectado como\s*ninguém \(abra o Dashboard Agile e entre\)/);
  await expect(result).toContainText('Você ainda não entrou no Dashboard Agile');
});

test('signed in: the check names the person, the tenant and the source; changes are confirmed where made', async ({ context, signIn, extensionPage, replica }) => {
  await signIn(await context.newPage(), 'belgo_admin', { token: 'legacy' });
  const page = await extensionPage('options.html');
  await page.getByTestId('options-check').click();
  const result = page.getByTestId('options-check-result');
  await expect(result).toContainText(/Conectado como\s*belgo_admin \(perfil ADMIN\)/);
  await expect(result).toContainText(/Tenant\s*Belgo Arames \(BELGO-001\)/);
  // The truest family that answers an ADMIN (the panel is only for whom admin v1 refuses).
  await expect(result).toContainText(/Fonte dos dados\s*API de administração v1 \(\/api\/v1\/admin\/billing\)/);

  // A typed tenant is the person's own choice, and can be taken away again ("abc" is stored as ABC).
  await page.getByTestId('options-tenant-add').fill('abc');
  await page.getByTestId('options-tenant-add').press('Enter');
  await expect(page.getByTestId('options-tenant-typed-saved')).toHaveText('ABC acrescentado.');
  await expect(page.getByTestId('options-tenant-item')).toHaveAttribute('data-tenant', 'ABC');
  await expect(page.getByTestId('options-tenant-select').locator('option[value="ABC"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Remover ABC' }).click();
  await expect(page.getByTestId('options-tenant-typed-saved')).toHaveText('ABC removido.');
  await expect(page.getByTestId('options-tenant-item')).toHaveCount(0);
  await expect(page.getByTestId('options-tenant-select').locator('option[value="ABC"]')).toHaveCount(0);

  await page.getByTestId('options-budget').fill('500');
  await page.getByTestId('options-budget').press('Tab');
  await expect(page.getByTestId('options-budget-saved')).toHaveText('Orçamento salvo: R$ 500,00.');
  await page.getByTestId('options-budget').fill('');
  await page.getByTestId('options-budget').press('Tab');
  await expect(page.getByTestId('options-budget-saved')).toHaveText('Sem orçamento pessoal: vale o limite do servidor.');
  // The budget levels: typed over one, stored in order; one added from the keyboard; one out of range.
  const levels = page.getByRole('group', { name: 'Níveis de alerta (% do orçamento)' });
  await levels.getByLabel('Nível 1 (%)').fill('90');
  await levels.getByLabel('Nível 1 (%)').press('Tab');
  await expect(page.getByTestId('options-levels-saved')).toHaveText('Salvo: alertas aos 80%, 90% e 100%.');
  const shownLevels = () => levels.getByTestId('options-levels-level').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  await expect.poll(shownLevels).toEqual(['80', '90', '100']);
  await levels.getByRole('button', { name: 'Adicionar nível' }).focus();
  await page.keyboard.press('Enter');
  await expect(levels.getByLabel('Novo nível (%)')).toBeFocused();
  await page.keyboard.type('900');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('options-levels-saved')).toHaveText(
    '900% está fora do intervalo de 1% a 500%: ficou 500%. Salvo: alertas aos 80%, 90%, 100% e 500%.',
  );
  await expect.poll(shownLevels).toEqual(['80', '90', '100', '500']);
  await page.getByLabel('uma cota chegar a 80% e a 100% do plano').uncheck();
  await expect(page.getByTestId('options-kinds-saved')).toHaveText('Salvo: sem aviso quando uma cota chegar a 80% e a 100% do plano.');
  const settings = () => storedSettings(page);
  expect(await settings()).toMatchObject({ budgetLevels: [80, 90, 100, 500], alertKinds: { budget: true, estimate: true, quota: false } });

  // A tenant's own budget, under this dashboard; and its alerts silenced for the month.
  const belgo = page.locator('[data-testid="options-tenant-budget"][data-tenant="BELGO-001"]');
  await belgo.locator('summary').press('Enter');
  await belgo.getByLabel('Orçamento mensal de Belgo Arames (BELGO-001) (R$)').fill('30');
  await belgo.getByLabel('Orçamento mensal de Belgo Arames (BELGO-001) (R$)').press('Tab');
  await expect(belgo.getByTestId('options-tenant-budget-saved')).toHaveText('Orçamento de Belgo Arames (BELGO-001) salvo: R$ 30,00.');
  expect(await settings()).toMatchObject({ tenantBudgets: [{ origin: replica.origin, tenantId: 'BELGO-001', budgetCents: 3000, budgetLevels: null }] });
  await belgo.getByLabel('Silenciar este mês').check();
  await expect(belgo.getByTestId('options-tenant-silence-saved')).toHaveText(/^Alertas de Belgo Arames \(BELGO-001\) silenciados até o fim de \p{L}+ de \d{4}\.$/u);
  await belgo.getByLabel('Orçamento mensal de Belgo Arames (BELGO-001) (R$)').fill('');
  await belgo.getByLabel('Orçamento mensal de Belgo Arames (BELGO-001) (R$)').press('Tab');
  await expect(belgo.getByTestId('options-tenant-budget-saved')).toHaveText('Belgo Arames (BELGO-001) volta ao orçamento padrão.');
  expect(await settings()).toMatchObject({ tenantBudgets: [] });

  await page.getByLabel('Atualizar a cada (minutos)').fill('10');
  await page.getByLabel('Atualizar a cada (minutos)').press('Tab');
  await expect(page.getByTestId('options-refresh-saved')).toHaveText('Salvo: a cada 10 min.');
});

test('a second dashboard: added with its access in one click and chosen; the page follows the choice; removed (from the keyboard), it is forgotten', async ({
  context, signIn, extensionPage, replica, background,
}) => {
  const second = await startReplica({ port: 0, state: 'seed', loginRateLimit: false });
  try {
    await signIn(await context.newPage(), 'belgo_admin', { token: 'legacy' });
    const page = await extensionPage('options.html');
    const rows = page.getByTestId('options-dashboard-row');
    const row = (origin: string) => page.locator(`[data-testid="options-dashboard-row"][data-origin="${origin}"]`);
    await expect(rows).toHaveCount(1);
    await expect(row(replica.origin).getByTestId('options-dashboard-granted')).toContainText('Acesso autorizado');
    await expect(page.getByRole('heading', { name: 'Tenants de belgo_admin neste Dashboard Agile' })).toBeVisible();

    await page.getByTestId('options-dashboard-add-origin').fill(`${second.origin}/kanban`);
    await page.getByLabel('Nome (opcional)', { exact: true }).fill('Homologação');
    await page.getByTestId('options-dashboard-add').click();
    await expect(page.getByTestId('options-origin-message')).toHaveText(`Adicionado: ${second.origin}. É o escolhido agora.`);
    await expect(rows).toHaveCount(2);
    await expect(row(second.origin).getByRole('radio', { name: 'Homologação' })).toBeChecked();
    await expect(row(second.origin).getByTestId('options-dashboard-granted')).toBeVisible();
    await overlayRegisteredFor(background, second.origin);
    expect(await storedSettings(page)).toMatchObject({
      dashboards: [{ name: '', origin: replica.origin }, { name: 'Homologação', origin: second.origin }],
      dashboardOrigin: second.origin,
    });
    // The rest of the page is about the one chosen: nobody signed in there yet.
    await expect(page.getByTestId('options-dashboard-scope')).toContainText('são do escolhido: Homologação.');
    await page.getByTestId('options-check').click();
    await expect(page.getByTestId('options-check-result')).toContainText(new RegExp(`Endereço\\s*${second.origin}`));
    await expect(page.getByTestId('options-check-result')).toContainText(/Conectado como\s*ninguém/);

    // Back to the first: its person's tenants again.
    await row(replica.origin).getByRole('radio').check();
    await expect(page.getByTestId('options-dashboards-status')).toHaveText(`Escolhido: ${replica.origin.replace('http://', '')}. É o que o popup, o ícone e as seções abaixo mostram agora.`);
    await expect(page.getByRole('heading', { name: 'Tenants de belgo_admin neste Dashboard Agile' })).toBeVisible();

    // Removed from the keyboard: the question says what goes, focus starts on "Cancelar".
    await row(second.origin).getByRole('button', { name: 'Remover Homologação' }).focus();
    await page.keyboard.press('Enter');
    const question = row(second.origin).getByRole('group', { name: /^Remover Homologação\? A extensão esquece a sessão, os valores guardados/ });
    await expect(question.getByRole('button', { name: 'Cancelar' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(question.getByRole('button', { name: 'Sim, remover' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(row(second.origin)).toHaveCount(0);
    await expect(rows).toHaveCount(1);
    await expect(page.getByTestId('options-dashboards-status')).toHaveText('Homologação removido.');
    await expect(row(replica.origin).getByRole('radio')).toBeFocused();
    expect(await storedSettings(page)).toMatchObject({ dashboards: [{ name: '', origin: replica.origin }], dashboardOrigin: replica.origin });
    // The background follows: the overlay no longer runs there.
    await expect.poll(() => registered(background)).toEqual([`${replica.origin}/*`]);
  } finally {
    await second.close();
  }
});

test('dark mode follows the browser', async ({ extensionPage }) => {
  const page = await extensionPage('options.html');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 24, 39)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
});
