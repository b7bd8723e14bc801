/**
 * The options page's own rules: each number's range is SETTING_BOUNDS, on the input and in what
 * is saved; and saving the address only stores it (the background registers the overlay).
 */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { fakeBrowser } from 'wxt/testing';
import OptionsForm from '@/components/options/OptionsForm.svelte';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/storage/settings';
import { SETTING_BOUNDS } from '@/lib/storage/settings-shape';

const storedSettings = () => settingsItem.getValue();

beforeEach(() => {
  installI18nStub('pt_BR');
  // Every address granted; the fake browser has no permissions or scripting API of its own.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
    vi.spyOn(event, 'addListener').mockReturnValue(undefined);
    vi.spyOn(event, 'removeListener').mockReturnValue(undefined);
  }
  for (const call of ['registerContentScripts', 'getRegisteredContentScripts', 'unregisterContentScripts'] as const) {
    vi.spyOn(fakeBrowser.scripting, call).mockResolvedValue(undefined as never);
  }
  // A background that never answers: the tenants stay loading, which these tests do not need.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => {}));
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

  it('saving the address stores it and asks the background, not the page, to register the overlay', async () => {
    await fireEvent.input(screen.getByTestId('options-origin'), { target: { value: 'dash.example.com:8443/kanban' } });
    await fireEvent.click(screen.getByTestId('options-save'));

    expect(await screen.findByTestId('options-origin-message')).toHaveTextContent('Endereço salvo: http://dash.example.com:8443.');
    expect((await storedSettings()).dashboardOrigin).toBe('http://dash.example.com:8443');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['http://dash.example.com/*'] });
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ op: 'overlay.register' });
    expect(fakeBrowser.scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(fakeBrowser.scripting.getRegisteredContentScripts).not.toHaveBeenCalled();
    expect(fakeBrowser.scripting.unregisterContentScripts).not.toHaveBeenCalled();
  });
});
