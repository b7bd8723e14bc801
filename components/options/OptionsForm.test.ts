/**
 * The options page's own rules: each number's range is SETTING_BOUNDS, on the input and in what
 * is saved. (The dashboards, and how adding one leaves the overlay to the background:
 * DashboardsSection.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import OptionsForm from '@/components/options/OptionsForm.svelte';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/storage/settings';
import { SETTING_BOUNDS } from '@/lib/storage/settings-shape';
import { stubOptionsBrowser } from '@/components/options/options-page.support';

const storedSettings = () => settingsItem.getValue();

beforeEach(() => {
  // A background that never answers: the tenants stay loading, which these tests do not need.
  stubOptionsBrowser();
  render(OptionsForm, { props: { firstSettings: DEFAULT_SETTINGS } });
});
afterEach(() => cleanup());

describe('OptionsForm', () => {
  it.each([
    { setting: 'refreshMinutes', label: 'Atualizar a cada (minutos)', saved: 'options-refresh-saved', text: 'Salvo: a cada 60 min.' },
  ] as const)('$setting: the input shows its SETTING_BOUNDS, and a typed 500 is saved as the max', async ({ setting, label, saved, text }) => {
    const { min, max } = SETTING_BOUNDS[setting];
    const input = screen.getByLabelText<HTMLInputElement>(label);
    expect(input).toHaveAttribute('min', String(min));
    expect(input).toHaveAttribute('max', String(max));

    await fireEvent.change(input, { target: { value: '500' } });
    await expect.poll(async () => (await storedSettings())[setting]).toBe(max);
    expect(await screen.findByTestId(saved)).toHaveTextContent(text);
    await expect.poll(() => input.value).toBe(String(max));
  });

});
