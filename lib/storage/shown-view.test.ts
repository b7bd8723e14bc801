/**
 * The popup's first paint from storage (shown-view.ts), on what the router's tests do not reach:
 * a record that does not fit, and a session expired since. The rest: router.shown-view.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { BillingView } from '@/lib/protocol/replies';
import { sessionsItem } from '@/lib/storage/sessions';
import { forgetShownView, readShownView, rememberShownView } from '@/lib/storage/shown-view';
import { NORMAL_STORE } from '@/lib/dashboard/place';
import { tabInFront } from '@/lib/background/router.support';
import { ORIGIN } from '@/tests/support/fake-host';

const NOW = 1_000_000;
const view = {
  tenant: { id: 'BELGO-001', name: 'Belgo', color: null, source: 'host' },
  snapshot: { family: 'adminV1', fetchedAt: NOW },
  stale: false,
  refreshError: null,
  retryAt: null,
} as unknown as BillingView;

const HERE = { origin: ORIGIN, store: NORMAL_STORE };
const signIn = (expiresAt: number | null) =>
  sessionsItem.setValue({ [ORIGIN]: { [NORMAL_STORE]: { token: 't', expiresAt, person: 'belgo_admin', currentTenant: null, pageRole: null } } });

beforeEach(async () => {
  // Also forgets what this module last wrote, which a write of the same figures would skip.
  await forgetShownView();
  await signIn(null);
});

describe('readShownView', () => {
  it('paints what was shown to the signed-in person', async () => {
    await rememberShownView(HERE, 'belgo_admin', view);
    expect(await readShownView(NOW)).toEqual(view);
  });

  it('paints nothing from a record that does not fit, without a throw', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.session.set({ shownView: { origin: ORIGIN, store: NORMAL_STORE, person: 'belgo_admin', view: { tenant: 'BELGO-001' } } });
    expect(await readShownView(NOW)).toBeNull();
  });

  it('paints nothing once the session has expired', async () => {
    await rememberShownView(HERE, 'belgo_admin', view);
    expect(await readShownView(NOW)).not.toBeNull();
    await signIn(NOW);
    expect(await readShownView(NOW)).toBeNull();
  });

  it('paints a container\'s figures only over that container\'s dashboard tab, and never a private window\'s', async () => {
    const container = { origin: ORIGIN, store: 'firefox-container-1' };
    await sessionsItem.setValue({ [ORIGIN]: { [container.store]: { token: 't', expiresAt: null, person: 'belgo_admin', currentTenant: null, pageRole: null } } });
    await rememberShownView(container, 'belgo_admin', view);
    tabInFront(`${ORIGIN}/`, { cookieStoreId: 'firefox-container-1' });
    expect(await readShownView(NOW)).toEqual(view);
    tabInFront(`${ORIGIN}/`);
    expect(await readShownView(NOW)).toBeNull();

    await forgetShownView();
    await rememberShownView({ origin: ORIGIN, store: 'private' }, 'belgo_admin', view);
    expect(await fakeBrowser.storage.session.get('shownView')).toEqual({});
  });
});
