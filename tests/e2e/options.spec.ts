/** The options page for a first-time user: what each field is, what the extension sees, every change confirmed. */
import { test, expect } from './fixtures';

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

test('signed in: the check names the person, the tenant and the source; changes are confirmed where made', async ({ context, signIn, extensionPage }) => {
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
  await page.getByTestId('options-alert').fill('90');
  await page.getByTestId('options-alert').press('Tab');
  await expect(page.getByTestId('options-alert-saved')).toHaveText('Salvo: alerta aos 90%.');
  await page.getByLabel('Atualizar a cada (minutos)').fill('10');
  await page.getByLabel('Atualizar a cada (minutos)').press('Tab');
  await expect(page.getByTestId('options-refresh-saved')).toHaveText('Salvo: a cada 10 min.');
});

test('dark mode follows the browser', async ({ extensionPage }) => {
  const page = await extensionPage('options.html');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 24, 39)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
});
