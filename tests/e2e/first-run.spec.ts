/**
 * The first-run page in real Chromium. Each test's profile is new, so the extension is installed
 * as the test starts: the page must open by itself. From there a person with nothing set up
 * adds a dashboard (its address checked as the options page checks it), grants access in the
 * same click, signs in on the dashboard, confirms their tenant and sees the bill; the connection
 * check then says who is signed in. The options page and the popup's "not set up" lead back to it,
 * and with no dashboard left the page asks for one before anything else.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { configureDashboard, overlayRegisteredFor, passwordOf } from '../tooling/extension-browser';

// Nothing set up: the person adds the dashboard on the first-run page.
test.use({ configureOrigin: false });

/** The tab the extension opened by itself at install. */
async function openedAtInstall(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const find = () => context.pages().find((page) => page.url() === url);
  await expect.poll(() => find() !== undefined, { message: 'the first-run page opened at install' }).toBe(true);
  return find()!;
}

test('installing opens the first-run page, which takes a person from nothing to figures', async ({ context, extensionId, replica, background }) => {
  const welcome = await openedAtInstall(context, extensionId);
  await expect(welcome).toHaveTitle('Billing e Usage — Primeiros passos');
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Bem-vindo ao Billing e Usage');
  await expect(welcome.getByTestId('welcome-what').getByRole('listitem')).toHaveCount(3);
  await expect(welcome.getByRole('img', { name: 'O menu do Dashboard Agile com a seção Faturamento e o custo do mês' })).toBeVisible();

  // Step 1 asks for a dashboard, with the options page's own validation: not http(s), nothing changes.
  await expect(welcome.getByRole('heading', { name: 'Adicione um Dashboard Agile' })).toBeVisible();
  const address = welcome.getByTestId('options-dashboard-add-origin');
  await address.fill('ftp://agile.example.com');
  await welcome.getByTestId('options-dashboard-add').click();
  await expect(welcome.getByTestId('options-origin-message')).toHaveText('Endereço inválido: use http(s)://servidor[:porta]');
  // One click adds it, asks for access to it and chooses it; the background registers the overlay there.
  await address.fill(`${replica.origin}/kanban`);
  await welcome.getByTestId('options-dashboard-add').click();
  await expect(welcome.getByTestId('options-origin-message')).toHaveText(`Adicionado: ${replica.origin}. É o escolhido agora.`);
  await expect(welcome.locator(`[data-testid="options-dashboard-row"][data-origin="${replica.origin}"]`).getByRole('radio')).toBeChecked();
  await overlayRegisteredFor(background, replica.origin);

  const [dashboard] = await Promise.all([context.waitForEvent('page'), welcome.getByTestId('welcome-open-dashboard').click()]);
  await dashboard.waitForURL(`${replica.origin}/`);
  await dashboard.goto(`${replica.origin}/login`);
  await dashboard.fill('#username', 'belgo_admin');
  await dashboard.fill('#password', passwordOf('belgo_admin'));
  await dashboard.click('#login-btn');
  await dashboard.waitForURL(`${replica.origin}/`);
  await dashboard.getByTestId('billing-sidebar-entry').click();
  await dashboard.getByTestId('tenant-choice-input').fill('BELGO-001');
  await dashboard.getByTestId('tenant-choice-confirm').click();
  await expect(dashboard.getByTestId('billing-total-cost')).toHaveText('R$ 27,02');

  await welcome.bringToFront();
  await welcome.getByTestId('options-check').click();
  const report = welcome.getByTestId('options-check-result');
  await expect(report).toContainText('belgo_admin');
  await expect(report).toContainText('BELGO-001');
  await expect(report).toContainText('concedida');

  const [policy] = await Promise.all([context.waitForEvent('page'), welcome.getByTestId('link-privacy').click()]);
  await expect(policy.getByRole('heading', { level: 1 })).toHaveText('Billing e Usage — Política de privacidade');
  await expect(policy.getByTestId('privacy-policy')).toContainText('O token de sessão fica só em storage.session');
});

test('the options page and the popup\'s "not set up" lead to the first-run page', async ({ context, extensionId, background, extensionPage }) => {
  const options = await extensionPage('options.html');
  await expect(options.getByTestId('link-privacy')).toHaveAttribute('href', '/privacy.html');
  const [fromOptions] = await Promise.all([context.waitForEvent('page'), options.getByTestId('link-firstRun').click()]);
  await expect(fromOptions.getByRole('heading', { level: 1 })).toHaveText('Bem-vindo ao Billing e Usage');

  await configureDashboard(background, 'https://agile.example.com', { waitForOverlay: false });
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'notSetUp');
  const [fromPopup] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('popup-open-first-run').click()]);
  await expect(fromPopup).toHaveURL(`chrome-extension://${extensionId}/welcome.html`);
  // The page shows the dashboard that is not set up yet, ready to grant.
  const row = fromPopup.locator('[data-testid="options-dashboard-row"][data-origin="https://agile.example.com"]');
  await expect(row.getByRole('radio')).toBeChecked();
  await expect(row.getByTestId('options-access-missing')).toBeVisible();

  // With that one removed too, nothing is chosen: the page asks for a dashboard before anything else.
  await row.getByRole('button', { name: 'Remover agile.example.com' }).click();
  await row.getByRole('button', { name: 'Sim, remover' }).click();
  await expect(fromPopup.getByTestId('options-dashboards-none')).toHaveText('Nenhum Dashboard Agile ainda. Adicione um abaixo para ver os custos.');
  await expect(fromPopup.getByTestId('welcome-open-dashboard')).toHaveCount(0);
  await expect(fromPopup.getByTestId('options-check')).toHaveCount(0);
  await expect(fromPopup.getByText('Adicione um Dashboard Agile no passo 1 primeiro.')).toHaveCount(2);
  await expect(fromPopup.getByTestId('options-dashboard-add-origin')).toBeFocused();
});
