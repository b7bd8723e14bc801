/**
 * The first-run page with no dashboard at all: step 1 asks for one, and the steps after it wait
 * for it (nowhere to sign in, nothing to check); once one is added there, they are about it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import FirstRunPage from '@/components/welcome/FirstRunPage.svelte';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/storage/settings';
import { stubOptionsBrowser } from '@/components/options/options-page.support';

const NONE = { ...DEFAULT_SETTINGS, dashboards: [], dashboardOrigin: '' };

beforeEach(async () => {
  stubOptionsBrowser();
  await settingsItem.setValue(NONE);
  render(FirstRunPage, { props: { firstSettings: NONE } });
});
afterEach(() => cleanup());

it('asks for a dashboard first, then leads on to signing in there and checking', async () => {
  expect(screen.getByRole('heading', { name: 'Adicione um Dashboard Agile' })).toBeInTheDocument();
  expect(screen.getByTestId('options-dashboards-none')).toBeInTheDocument();
  expect(screen.getAllByText('Adicione um Dashboard Agile no passo 1 primeiro.')).toHaveLength(2);
  expect(screen.queryByTestId('welcome-open-dashboard')).toBeNull();
  expect(screen.queryByTestId('options-check')).toBeNull();

  await fireEvent.input(screen.getByLabelText('Endereço do Dashboard Agile'), { target: { value: 'agile.example.com' } });
  await fireEvent.click(screen.getByRole('button', { name: 'Adicionar' }));

  expect(await screen.findByTestId('welcome-open-dashboard')).toHaveTextContent('Abrir o Dashboard Agile');
  expect(screen.getByTestId('options-check')).toBeInTheDocument();
  expect(screen.getByRole('radio', { name: 'agile.example.com' })).toBeChecked();
  expect(await settingsItem.getValue()).toMatchObject({ dashboards: [{ name: '', origin: 'http://agile.example.com' }], dashboardOrigin: 'http://agile.example.com' });
});
