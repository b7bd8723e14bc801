/**
 * The toolbar popup's first paint: figures handed to it before mounting (lib/storage/shown-view.ts)
 * are on screen in the very first render, before the background has said a word; the
 * background's answer then rules.
 */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { fakeBrowser } from 'wxt/testing';
import PopupPanel from '@/components/popup/PopupPanel.svelte';
import { normalizeAdminV1Usage } from '@/lib/host/families/admin-v1';
import type { Result } from '@/lib/billing/model';
import type { BillingView } from '@/lib/protocol/replies';
import { loadSample } from '@/tests/support/samples';
import { deferred } from '@/tests/support/fake-host';
import { zeroView } from '@/components/shared/UnknownTenantNote.support';


function shownView(): BillingView {
  const usage = normalizeAdminV1Usage(loadSample('v1-admin-usage.admin-v1-token').body);
  if (!usage.ok) throw new Error('sample no longer parses');
  const notAvailable = { ok: false as const, error: { kind: 'notAvailable' as const } };
  return {
    tenant: { id: 'BELGO-001', name: 'BELGO-001', color: null, source: 'chosen' },
    stale: false,
    refreshError: null,
    retryAt: null,
    snapshot: {
      origin: 'http://localhost:9001', tenantId: 'BELGO-001', family: 'adminV1', simulated: false, fetchedAt: Date.now(),
      usage: usage.value.value, invoices: notAvailable, projections: notAvailable, timeline: notAvailable,
    },
  };
}

let answer: ReturnType<typeof deferred<Result<unknown>>>;
let sendMessage: ReturnType<typeof vi.fn>;

beforeEach(() => {
  installI18nStub('pt_BR');
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  // A background that has not answered the figures yet (asleep, or busy) for as long as the
  // test says, and nothing else at all.
  answer = deferred<Result<unknown>>();
  sendMessage = vi.fn((message: { op: string }) => (message.op === 'billing.get' ? answer.promise : new Promise(() => {})));
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(sendMessage as never);
});
afterEach(() => cleanup());

describe('PopupPanel', () => {
  it("'Abrir painel completo' asks the background to open the shown tenant's page, which names its dashboard", async () => {
    render(PopupPanel, { props: { firstView: shownView() } });
    screen.getByTestId('popup-open-full').click();
    await expect.poll(() => sendMessage).toHaveBeenCalledWith({ op: 'page.openFull', tenantId: 'BELGO-001' });
  });

  it('paints the figures last shown in its first render, before the background answers', async () => {
    render(PopupPanel, { props: { firstView: shownView() } });
    expect(screen.getByTestId('popup-state')).toHaveAttribute('data-state', 'ready');
    expect(screen.getByTestId('popup-total-cost')).toHaveTextContent('R$ 27,02');
    expect(screen.getByTestId('popup-api-calls')).toHaveTextContent('120');
    // A cached read is no refresh: the button does not flicker to "Atualizando…".
    expect(screen.getByTestId('popup-refresh')).toHaveTextContent('Atualizar');
    expect(screen.getByTestId('popup-refresh')).toBeEnabled();
    // And it still asks, once they are on screen: the background's answer is the one that rules.
    await expect.poll(() => sendMessage).toHaveBeenCalledWith({ op: 'billing.get', freshness: 'cached' });
  });

  it('without them it says it is loading until the background answers', async () => {
    render(PopupPanel, { props: { firstView: null } });
    expect(screen.getByTestId('popup-state')).toHaveAttribute('data-state', 'loading');
    answer.resolve({ ok: true, value: shownView() });
    await expect.poll(() => screen.queryByTestId('popup-total-cost')).toHaveTextContent('R$ 27,02');
  });

  it('the figures go when the background says the person may not see them', async () => {
    render(PopupPanel, { props: { firstView: shownView() } });
    answer.resolve({ ok: false, error: { kind: 'signedOut' } });
    await expect.poll(() => screen.getByTestId('popup-state').getAttribute('data-state')).toBe('signedOut');
    expect(screen.queryByTestId('popup-total-cost')).toBeNull();
  });

  it('signed out, it says the alerts resume at the next visit to the dashboard; signed in, it does not', async () => {
    render(PopupPanel, { props: { firstView: null } });
    expect(screen.queryByTestId('popup-alerts-paused')).toBeNull();
    answer.resolve({ ok: false, error: { kind: 'signedOut' } });
    await expect.poll(() => screen.queryByTestId('popup-alerts-paused')).toHaveTextContent('Os alertas voltam na próxima visita ao Dashboard Agile.');
    cleanup();
    answer = deferred<Result<unknown>>();
    render(PopupPanel, { props: { firstView: null } });
    answer.resolve({ ok: false, error: { kind: 'server', status: 500 } });
    await expect.poll(() => screen.getByTestId('popup-state').getAttribute('data-state')).not.toBe('loading');
    expect(screen.queryByTestId('popup-alerts-paused')).toBeNull();
  });

  it('a typed tenant answered with nothing but zeros asks the person to check the id; a tenant with figures does not', () => {
    render(PopupPanel, { props: { firstView: zeroView('TECH-01') } });
    expect(screen.getByTestId('popup-total-cost')).toHaveTextContent('R$ 0,00');
    expect(screen.getByTestId('billing-unknown-tenant')).toHaveTextContent('confira se TECH-01 é o ID certo');
    cleanup();
    render(PopupPanel, { props: { firstView: shownView() } });
    expect(screen.queryByTestId('billing-unknown-tenant')).toBeNull();
  });
});
