/**
 * The browser the options page's component tests run in: the fake browser of wxt/testing, with
 * every address granted (it has no permissions or scripting API of its own), the i18n catalogs,
 * and a background that answers each op through `answer` (undefined: never answers).
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { installI18nStub } from '@/tests/support/i18n-stub';
import type { Request } from '@/lib/protocol/replies';

export type Background = (request: Request) => unknown;

export function stubOptionsBrowser(answer?: Background): void {
  installI18nStub('pt_BR');
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
    vi.spyOn(event, 'addListener').mockReturnValue(undefined);
    vi.spyOn(event, 'removeListener').mockReturnValue(undefined);
  }
  for (const call of ['registerContentScripts', 'getRegisteredContentScripts', 'unregisterContentScripts'] as const) {
    vi.spyOn(fakeBrowser.scripting, call).mockResolvedValue(undefined as never);
  }
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((request: Request) =>
    answer ? Promise.resolve(answer(request)) : new Promise(() => {})) as never);
}
