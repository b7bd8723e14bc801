/** The toolbar popup in each of its states (opened as a page: same document, same code). */
import { test, expect } from './fixtures';
import { configureDashboard } from '../tooling/extension-browser';

const USAGE_ENDPOINTS = ['/api/v1/billing/current-usage', '/api/v1/admin/billing/usage', '/api/billing/usage'];

test('ready: the active tenant\'s cost and API calls, with its name', async ({ context, signIn, extensionPage }) => {
  await signIn(await context.newPage(), 'belgo_admin');
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'ready');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 27,02');
  await expect(popup.getByTestId('popup-api-calls')).toHaveText('120');
  // Confirmed by the person, not listed by the host: the id is all there is to name it by.
  await expect(popup.getByTestId('popup-tenant')).toHaveText('BELGO-001');
});

test('cached figures paint first: a second popup needs no request to the host', async ({ context, signIn, extensionPage, replica }) => {
  await signIn(await context.newPage(), 'belgo_admin');
  const first = await extensionPage('popup.html');
  await expect(first.getByTestId('popup-total-cost')).toHaveText('R$ 27,02');
  await first.close();
  replica.requests.clear();
  const second = await extensionPage('popup.html');
  await expect(second.getByTestId('popup-total-cost')).toHaveText('R$ 27,02');
  expect(replica.requests.count('/api/v1/admin/billing/usage')).toBe(0);
});

test('not set up: the popup explains the missing permission and offers to grant it', async ({ background, extensionPage }) => {
  await configureDashboard(background, 'https://dashboard.example.com', { waitForOverlay: false });
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'notSetUp');
  await expect(popup.getByTestId('popup-no-permission')).toHaveText('A extensão não tem permissão para acessar https://dashboard.example.com.');
  await expect(popup.getByTestId('popup-grant-permission')).toHaveText('Permitir acesso');
});

test('never signed in: says so (not "session expired"), with the button that opens the dashboard', async ({ background, extensionPage, replica }) => {
  void background;
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'neverSignedIn');
  await expect(popup.getByTestId('billing-error')).toHaveText('Você ainda não entrou no Dashboard Agile');
  await expect(popup.getByTestId('popup-state')).not.toContainText('sessão');
  const opened = popup.context().waitForEvent('page');
  await popup.getByRole('button', { name: 'Abrir o Dashboard Agile' }).click();
  expect((await opened).url()).toBe(replica.origin + '/');
});

test('signed out after a session: says the session ended and how to come back', async ({ context, signIn, extensionPage }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  await expect(page.getByTestId('billing-sidebar-entry')).toBeVisible();
  await page.evaluate(() => localStorage.removeItem('auth_token'));
  await expect(page.locator('billing-overlay-entry')).toHaveCount(0);
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'signedOut');
  await expect(popup.getByTestId('billing-error')).toHaveText('Sua sessão no Dashboard Agile terminou');
  await expect(popup.getByTestId('billing-next-step')).toHaveText('Entre novamente no Dashboard Agile; os valores voltam em seguida.');
  await expect(popup.getByRole('button', { name: 'Abrir o Dashboard Agile' })).toBeVisible();
  // Without a session the badge's alarm cannot ask the host: the alerts wait for the next visit.
  await expect(popup.getByTestId('popup-alerts-paused')).toHaveText('Os alertas voltam na próxima visita ao Dashboard Agile.');
});

test('ready: the period, the budget used and one clear primary action', async ({ context, signIn, extensionPage }) => {
  // A SUPER_ADMIN (whom admin v1 refuses) with the token with tenant claims: the panel family
  // answers, with the host's budget, its rolling period as dates and its figures marked simulated.
  await signIn(await context.newPage(), 'platform_admin', { token: 'legacy' });
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-period')).toHaveText(/^Período: \d.* de \d{4}$/);
  await expect(popup.getByTestId('billing-simulated')).toHaveText('Valores simulados pelo servidor');
  // The host's R$ 500,00 budget: 245,80 is 49%.
  await expect(popup.getByTestId('popup-budget')).toContainText('49% de R$ 500,00 usados');
  await expect(popup.locator('.btn-primary')).toHaveCount(1);
  await expect(popup.locator('.btn-primary')).toHaveText('Abrir painel completo');
  await expect(popup.getByTestId('popup-open-dashboard')).toHaveText('Ir para o Dashboard Agile');
});

test('no access: a DEVELOPER is told so, without figures', async ({ context, signIn, extensionPage }) => {
  await signIn(await context.newPage(), 'tech_dev');
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'noAccess');
  await expect(popup.getByTestId('popup-total-cost')).toHaveCount(0);
});

test('host error: a message and a retry that recovers', async ({ context, signIn, extensionPage, replica }) => {
  for (const prefix of USAGE_ENDPOINTS) replica.faults.set(prefix, { status: 502, body: 'Bad Gateway', contentType: 'text/plain' });
  await signIn(await context.newPage(), 'belgo_admin');
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'server');
  await expect(popup.getByTestId('popup-state')).toContainText('502');
  replica.faults.clear();
  await popup.getByTestId('popup-retry').click();
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 27,02');
});

test('a failed refresh keeps the good figures, marked stale', async ({ context, signIn, extensionPage, replica }) => {
  await signIn(await context.newPage(), 'belgo_admin');
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 27,02');
  for (const prefix of USAGE_ENDPOINTS) replica.faults.set(prefix, { status: 502, body: 'Bad Gateway', contentType: 'text/plain' });
  await popup.getByTestId('popup-refresh').click();
  await expect(popup.getByTestId('billing-stale')).toBeVisible();
  await expect(popup.getByTestId('billing-refresh-error')).toContainText('502');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 27,02');
});

/** Support staff: their own tenant, and one they added by hand (admin v1 answers any tenant). */
async function supportPerson(signIn: (page: any, account: 'belgo_admin') => Promise<void>, context: any, askBackground: (r: Record<string, unknown>) => Promise<any>) {
  await signIn(await context.newPage(), 'belgo_admin');
  expect((await askBackground({ op: 'tenant.choose', tenantId: 'TECH-001' })).ok).toBe(true);
  expect((await askBackground({ op: 'tenant.select', tenantId: 'BELGO-001' })).ok).toBe(true);
}

test('a support person switches tenant in the popup', async ({ context, signIn, extensionPage, askBackground }) => {
  await supportPerson(signIn, context, askBackground);
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-tenant')).toHaveText('BELGO-001');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 27,02');
  await popup.locator('[data-testid="tenant-overview-row"][data-tenant-id="TECH-001"]').getByRole('button').click();
  await expect(popup.getByTestId('popup-tenant')).toHaveText('TECH-001');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 41,50');
});

test('a tenant switch in the options page reaches an open popup', async ({ context, signIn, extensionPage, askBackground }) => {
  await supportPerson(signIn, context, askBackground);
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 27,02');
  const options = await extensionPage('options.html');
  await options.getByTestId('options-tenant-select').selectOption('TECH-001');
  await expect(popup.getByTestId('popup-tenant')).toHaveText('TECH-001');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 41,50');
});

test("a SUPER_ADMIN's popup says the panel's figures are simulated", async ({ context, signIn, extensionPage }) => {
  await signIn(await context.newPage(), 'platform_admin', { token: 'legacy' });
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('popup-total-cost')).toHaveText('R$ 245,80');
  await expect(popup.getByTestId('billing-simulated')).toHaveText('Valores simulados pelo servidor');
});
