/** The in-page entry and modal, as admins use them on the dashboard (replica, real Chromium). */
import { test, expect } from './fixtures';
import { askFromContentScript, contentScriptWorld } from './extension-probes';
import { entryPlacement, meanLuminance, watchForOverlay } from './overlay-helpers';

const hostStates = ['today', 'seed', 'fixed'] as const;
// The truest family on each host: admin v1 today and with the seed's panel, tenant v1 once fixed.
const expectedCost = { today: 'R$ 27,02', seed: 'R$ 27,02', fixed: 'R$ 27,02' } as const;

for (const state of hostStates) {
  test.describe(`host state "${state}"`, () => {
    test.use({ hostState: state });

    test('an ADMIN sees the entry right after Analytics and the modal shows the host\'s figures', async ({ context, signIn }) => {
      const page = await context.newPage();
      // The token with tenant claims: with it the host loads projects (so Analytics is there)
      // and every family it has answers.
      await signIn(page, 'belgo_admin', { token: 'legacy' });
      await expect(page.getByTestId('billing-sidebar-cost')).toHaveText(expectedCost[state]);
      await expect.poll(() => entryPlacement(page)).toEqual({ count: 1, after: 'Analytics' });

      await expect(page.getByTestId('billing-sidebar-entry')).toHaveText('Billing e Usage');
      await page.getByTestId('billing-sidebar-entry').click();
      const modal = page.getByTestId('billing-modal');
      await expect(modal).toBeVisible();
      await expect(modal).toContainText('Consumo, custos e faturas');
      await expect(page.getByTestId('billing-open-full')).toHaveText('Abrir painel completo');
      await expect(page.getByTestId('billing-total-cost')).toHaveText(expectedCost[state]);
      await expect(page.getByTestId('billing-api-calls')).toHaveText('120');
      await expect(page.getByTestId('billing-tokens')).toHaveText('1,05M');
      await expect(page.getByTestId('billing-cost-llm')).toHaveText('R$ 15,74');
      // Real figures: no simulation note.
      await expect(page.getByTestId('billing-simulated')).toHaveCount(0);
      if (state === 'fixed') {
        await expect(page.getByTestId('billing-invoice-row')).toHaveCount(3);
        // Status badges are coloured by meaning, in the shadow root's own stylesheet.
        const statuses = page.getByTestId('billing-invoice-status');
        await expect(statuses.filter({ hasText: 'Pendente' }).first()).toHaveCSS('background-color', 'rgb(254, 249, 195)');
        await expect(statuses.filter({ hasText: 'Paga' }).first()).toHaveCSS('background-color', 'rgb(220, 252, 231)');
      } else {
        // Admin v1 has no invoice list: say so, never "no invoices" (the panel's are simulated).
        await expect(page.getByTestId('billing-invoices-unavailable')).toHaveText('Faturas não disponíveis neste servidor');
        await expect(modal).not.toContainText('Nenhuma fatura encontrada');
      }
    });

    test('a DEVELOPER never sees the entry, not even for one frame', async ({ context, signIn, extensionId }) => {
      const page = await context.newPage();
      const seen = await watchForOverlay(page);
      const inContentScript = await contentScriptWorld(page, extensionId);
      await signIn(page, 'tech_dev');
      await expect(page.locator('.sidebar-desktop')).toBeVisible();
      // The page's content script has the background's verdict on this person, which is what
      // would have placed the entry.
      expect(await inContentScript(askFromContentScript({ op: 'access.get' }))).toEqual({
        ok: true,
        value: { signedIn: true, role: 'DEVELOPER', canSeeBilling: false },
      });
      expect(await seen()).toBe(false);
    });
  });
}

test('a SUPER_ADMIN (whom admin v1 refuses) sees the panel\'s figures, marked simulated', async ({ context, signIn }) => {
  const page = await context.newPage();
  await signIn(page, 'platform_admin', { token: 'legacy' });
  await expect.poll(() => entryPlacement(page)).toEqual({ count: 1, after: 'Analytics' });
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 245,80');
  await expect(page.getByTestId('billing-api-calls')).toHaveText('15.420');
  await expect(page.getByTestId('billing-tokens')).toHaveText('2,45M');
  await expect(page.getByTestId('billing-cost-api')).toHaveText('R$ 45,60');
  await expect(page.getByTestId('billing-cost-llm')).toHaveText('R$ 122,50');
  await expect(page.getByTestId('billing-cost-storage')).toHaveText('R$ 25,00');
  await expect(page.getByTestId('billing-cost-compute')).toHaveText('R$ 52,70');
  await expect(page.getByTestId('billing-simulated')).toHaveText(
    'Valores simulados: o próprio servidor marca estes números como simulação, não como cobrança real',
  );
  // Its invoices likewise: listed, never passed off as real ones.
  await expect(page.getByTestId('billing-invoice-row')).toHaveCount(5);
  await expect(page.getByTestId('billing-invoice-row').first()).toContainText('R$ 200,00');
  await expect(page.getByTestId('billing-invoices-simulated')).toHaveText('Faturas simuladas pelo servidor, não faturas reais');
});

test('a signed-out visitor never sees the entry, and signing out removes it live', async ({ context, replica, signIn, extensionId }) => {
  const anonymous = await context.newPage();
  const seen = await watchForOverlay(anonymous);
  const inContentScript = await contentScriptWorld(anonymous, extensionId);
  await anonymous.goto(replica.origin + '/');
  await expect(anonymous.locator('.sidebar-desktop')).toBeAttached();
  expect(await inContentScript(askFromContentScript({ op: 'access.get' }))).toEqual({
    ok: true,
    value: { signedIn: false, role: null, canSeeBilling: false },
  });
  expect(await seen()).toBe(false);

  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  await expect(page.getByTestId('billing-sidebar-entry')).toBeVisible();
  // Sign-out that does not reload the page: the entry goes within the poll interval.
  await page.evaluate(() => localStorage.removeItem('auth_token'));
  await expect(page.locator('billing-overlay-entry')).toHaveCount(0);
});

test('toggling the project 50 times leaves exactly one entry, right after Analytics', async ({ context, signIn }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin', { token: 'legacy' });
  await expect.poll(() => entryPlacement(page)).toEqual({ count: 1, after: 'Analytics' });
  const project = await page.locator('.project-selector').inputValue();
  for (let i = 0; i < 50; i++) {
    await page.selectOption('.project-selector', '');
    expect((await entryPlacement(page)).count).toBe(1);
    await page.selectOption('.project-selector', project);
  }
  expect(await entryPlacement(page)).toEqual({ count: 1, after: 'Analytics' });
});

test('the keyboard flow: open, trapped focus, Esc, focus back, host shortcuts and scroll untouched', async ({ context, signIn }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  const entry = page.getByTestId('billing-sidebar-entry');
  await expect(page.getByTestId('billing-sidebar-cost')).toBeVisible();
  await entry.focus();
  await page.keyboard.press('Enter');
  const modal = page.getByTestId('billing-modal');
  await expect(modal).toBeVisible();
  await expect(modal).toHaveAttribute('role', 'dialog');
  await expect(modal).toHaveAttribute('aria-modal', 'true');
  const label = await modal.getAttribute('aria-labelledby');
  expect(label).toBeTruthy();

  const focusInModal = () => page.evaluate(() => {
    const host = document.querySelector('billing-overlay-modal');
    return !!host?.shadowRoot?.activeElement && document.activeElement === host;
  });
  expect(await focusInModal()).toBe(true);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInModal()).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await focusInModal()).toBe(true);

  // "n" is the host's "Nova Story" shortcut: typed in our modal, it must not reach the host.
  await page.keyboard.press('n');
  await expect(page.locator('#host-shortcut-modal')).toHaveCount(0);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');

  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();
  await expect(entry).toBeFocused();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).not.toBe('hidden');

  // Opened again (it stays mounted between opens, hidden in the page): the same start, focus on its
  // close button, and the same way out.
  await page.keyboard.press('Enter');
  await expect(modal).toBeVisible();
  await expect(page.getByTestId('billing-close')).toBeFocused();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();
  await expect(entry).toBeFocused();
  // Hidden in the page between opens, it is out of the tab order.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInModal()).toBe(false);
  }

  // The host's own shortcut still works once the modal is closed.
  await page.locator('#host-counter').click();
  await page.keyboard.press('n');
  await expect(page.locator('#host-shortcut-modal')).toBeVisible();
});

test('opened again, the modal starts at its top, as the first time', async ({ context, signIn }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 600 });
  await signIn(page, 'belgo_admin', { token: 'legacy' });
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-total-cost')).toBeVisible();
  const body = page.getByTestId('billing-modal-body');
  // Read down to the invoices at the bottom, then closed.
  const scrolled = await body.evaluate((region) => {
    region.scrollTop = region.scrollHeight;
    return region.scrollTop;
  });
  expect(scrolled).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('billing-modal')).toBeHidden();
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-modal')).toBeVisible();
  expect(await body.evaluate((region) => region.scrollTop)).toBe(0);
  await expect(page.getByTestId('billing-close')).toBeFocused();
});

test('a click outside the dialog closes it', async ({ context, signIn }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-modal')).toBeVisible();
  await page.mouse.click(10, 10);
  await expect(page.getByTestId('billing-modal')).toBeHidden();
});

test('dark mode follows the host live and renders dark', async ({ context, signIn }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  await page.getByTestId('billing-sidebar-entry').click();
  const dialog = page.getByTestId('billing-modal');
  await expect(page.getByTestId('billing-total-cost')).toBeVisible();
  const light = await meanLuminance(page, await dialog.screenshot());
  await page.keyboard.press('Escape');

  await page.locator('.dark-mode-toggle').click();
  // (`html` alone would also match the <html> WXT puts inside each shadow root.)
  await expect(page.locator(':root')).toHaveClass(/dark/);
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-total-cost')).toBeVisible();
  const dark = await meanLuminance(page, await dialog.screenshot());
  expect(light).toBeGreaterThan(170);
  expect(dark).toBeLessThan(110);
});

test('the entry looks like the host\'s own Analytics section, in light and dark mode', async ({ context, signIn }) => {
  const page = await context.newPage();
  // The token with tenant claims: with it the host loads projects, so Analytics is there.
  await signIn(page, 'belgo_admin', { token: 'legacy' });
  await expect.poll(() => entryPlacement(page)).toEqual({ count: 1, after: 'Analytics' });
  const entry = page.getByTestId('billing-sidebar-entry');
  const host = page.locator('aside.sidebar-desktop').getByRole('button', { name: 'Produtividade do Time' });
  // The computed look of a section (title, one button with its icon), colours of the button aside:
  // the host's Analytics entry is blue, the seed's billing entry green.
  const look = (button: Element) => {
    const pick = (el: Element | null, keys: string[]) => {
      const style = getComputedStyle(el!);
      return Object.fromEntries(keys.map((k) => [k, style.getPropertyValue(k)]));
    };
    const section = button.parentElement!;
    return {
      section: pick(section, ['margin-top', 'padding-top', 'border-top-width', 'border-top-style', 'border-top-color']),
      title: pick(section.querySelector('h3'), ['font-size', 'font-weight', 'line-height', 'text-transform', 'letter-spacing', 'color', 'margin-bottom']),
      button: {
        ...pick(button, ['display', 'align-items', 'column-gap', 'font-size', 'line-height', 'padding', 'text-align', 'border-radius']),
        width: (button as HTMLElement).offsetWidth,
      },
      icon: pick(button.querySelector('svg'), ['width', 'height']),
    };
  };
  expect(await entry.evaluate(look)).toEqual(await host.evaluate(look));
  // The seed's green one step darker (green-700), so the entry's text passes AA (5.0:1 on white).
  await expect(entry).toHaveCSS('color', 'rgb(21, 128, 61)');

  await page.locator('.dark-mode-toggle').click();
  await expect(page.locator(':root')).toHaveClass(/dark/);
  await expect(entry).toHaveCSS('color', 'rgb(74, 222, 128)'); // green-400 on the dark sidebar
  expect(await entry.evaluate(look)).toEqual(await host.evaluate(look));
});

test('a hostile invoice field shows as text', async ({ context, signIn, replica }) => {
  const payload = '<img src=x onerror=alert(1)>';
  replica.faults.set('/api/billing/invoices', {
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({
      invoices: [{
        invoice_id: payload, period: payload, period_start: null, period_end: null, status: payload,
        amount: 10.5, currency: 'BRL', items: [], due_date: null, paid_at: null, payment_method: null, pdf_url: null,
      }],
    }),
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  // The panel's invoices: a SUPER_ADMIN's family on the seed host, with the token that has
  // tenant claims (the panel refuses the v1 token).
  await signIn(page, 'platform_admin', { token: 'legacy' });
  await page.getByTestId('billing-sidebar-entry').click();
  const row = page.getByTestId('billing-invoice-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(payload);
  expect(await page.evaluate(() => document.querySelector('billing-overlay-modal')!.shadowRoot!.querySelectorAll('img').length)).toBe(0);
  expect(dialogs).toEqual([]);
});

test('a server error shows a message, and Retry recovers', async ({ context, signIn, replica }) => {
  const page = await context.newPage();
  // Every family fails, so no fallback can hide the error.
  for (const prefix of ['/api/billing/usage', '/api/v1/billing/current-usage', '/api/v1/admin/billing/usage']) {
    replica.faults.set(prefix, { status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
  }
  await signIn(page, 'belgo_admin');
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-error')).toContainText('500');
  replica.faults.clear();
  await page.getByTestId('billing-retry').click();
  await expect(page.getByTestId('billing-total-cost')).toHaveText('R$ 27,02');
  await expect(page.getByTestId('billing-error')).toHaveCount(0);
});

test.describe('an English browser', () => {
  test.use({ uiLanguage: 'en-US' });

  test('gets the English UI and English number formats', async ({ context, signIn }) => {
    const page = await context.newPage();
    await signIn(page, 'belgo_admin');
    await expect(page.getByTestId('billing-sidebar-entry')).toHaveText('Billing & Usage');
    await expect(page.getByTestId('billing-sidebar-cost')).toHaveText('R$27.02');
    await expect(page.getByTestId('billing-sidebar-calls')).toHaveText('120');
  });
});

test('"Abrir painel completo" opens the full billing page for the tenant, at this dashboard', async ({ context, signIn, replica }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin', { token: 'legacy' });
  await page.getByTestId('billing-sidebar-entry').click();
  const [full] = await Promise.all([context.waitForEvent('page'), page.getByTestId('billing-open-full').click()]);
  await expect(full).toHaveURL(new RegExp(`billing\\.html#tenant=BELGO-001&dashboard=${encodeURIComponent(replica.origin)}$`));
  await expect(full.getByTestId('full-tenant')).toHaveText('Belgo Arames');
  // The same family as the modal's: admin v1's real figures, and its missing invoice list said.
  await expect(full.getByTestId('billing-total-cost')).toHaveText('R$ 27,02');
  await expect(full.getByTestId('billing-invoices-unavailable')).toHaveText('Faturas não disponíveis neste servidor');
});

test('the overlay adds no styles to the host page itself', async ({ context, signIn }) => {
  const page = await context.newPage();
  await signIn(page, 'belgo_admin');
  const before = await page.evaluate(() => document.head.innerHTML);
  await page.getByTestId('billing-sidebar-entry').click();
  await expect(page.getByTestId('billing-total-cost')).toBeVisible();
  // Typed @property registrations in the page would break the host's own Tailwind v3 gradients.
  expect(await page.evaluate(() => document.head.innerHTML)).toBe(before);
  expect(await page.evaluate(() => document.head.innerHTML.includes('@property'))).toBe(false);
});
