/**
 * The popup after a switch (a row chosen in its tenant list, another dashboard address): the old
 * tenant's figures go, and an answer asked for before the switch and arriving after it (the old
 * address's access) is never painted; the answers asked for after it are.
 */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { fakeBrowser } from 'wxt/testing';
import PopupPanel from '@/components/popup/PopupPanel.svelte';
import type { TenantList } from '@/lib/protocol/replies';
import { tenantChoicesItem } from '@/lib/storage/tenant-choices';
import { settingsItem } from '@/lib/storage/settings';
import { deferred } from '@/tests/support/fake-host';
import { zeroView } from '@/components/shared/UnknownTenantNote.support';

type Pending = ReturnType<typeof deferred<unknown>>;
let pending: Record<string, Pending[]>;

const list = (person: string, ids: string[]): TenantList => ({
  origin: 'http://localhost:9001',
  person,
  tenants: ids.map((id) => ({ id, name: `Nome ${id}`, color: null, source: 'host' })),
  activeId: ids[0]!,
  hint: null,
});
const answerNext = (op: string, value: unknown) => pending[op]!.shift()!.resolve({ ok: true, value });
/** Once a macrotask has passed, every promise callback queued before it (a late answer's) has run. */
const answersApplied = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  installI18nStub('pt_BR');
  pending = {};
  // The background answers each ask when the test says, in the order the test says. The list's
  // reads of a named tenant (and month) wait apart from the popup's own.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { op: string; tenantId?: string; month?: string }) => {
    const answer = deferred<unknown>();
    const key = message.op === 'billing.get' ? [message.op, message.tenantId, message.month].filter(Boolean).join(' ') : message.op;
    (pending[key] ??= []).push(answer);
    return answer.promise;
  }) as never);
});
afterEach(() => cleanup());

describe('PopupPanel after a switch', () => {
  it("a row chosen in the list becomes the popup's tenant: its figures replace the old one's, and the list marks it", async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    render(PopupPanel, { props: { firstView: null } });
    answerNext('billing.get', zeroView('BELGO-001', 'host'));
    await expect.poll(() => screen.queryByTestId('popup-tenant')).toHaveTextContent('BELGO-001');
    // The list, once the figures are painted: its tenants (each ask answered as it comes), then their figures.
    const rowsShown = () => {
      while (pending['tenants.get']?.length) answerNext('tenants.get', list('x', ['BELGO-001', 'TECH-001']));
      return screen.queryAllByTestId('tenant-overview-row').length;
    };
    await expect.poll(rowsShown).toBe(2);
    const row = (id: string) => screen.getAllByTestId('tenant-overview-row').find((r) => r.dataset.tenantId === id)!;

    // The background stores the choice (which every page hears) and answers the new list.
    row('TECH-001').querySelector('button')!.click();
    await expect.poll(() => pending['tenant.select']?.length).toBe(1);
    await tenantChoicesItem.setValue({ 'http://localhost:9001 x': { chosen: [], active: 'TECH-001' } });
    answerNext('tenant.select', { ...list('x', ['BELGO-001', 'TECH-001']), activeId: 'TECH-001' });

    // The old figures go at once; the new tenant's come.
    await expect.poll(() => screen.getByTestId('popup-state').getAttribute('data-state')).toBe('loading');
    await expect.poll(() => pending['billing.get']?.length).toBeGreaterThan(0);
    answerNext('billing.get', zeroView('TECH-001', 'host'));
    await expect.poll(() => screen.queryByTestId('popup-tenant')).toHaveTextContent('TECH-001');
    expect(row('TECH-001').querySelector('button')).toHaveAttribute('aria-current', 'true');
    expect(row('BELGO-001').querySelector('button')).not.toHaveAttribute('aria-current');
  });

  it("the old address's access check, answered after the new one's, is never painted", async () => {
    const oldCheck = deferred<boolean>();
    vi.spyOn(fakeBrowser.permissions, 'contains')
      .mockImplementationOnce(() => oldCheck.promise as never)
      .mockResolvedValue(true as never);
    render(PopupPanel, { props: { firstView: null } });
    await expect.poll(() => vi.mocked(fakeBrowser.permissions.contains).mock.calls.length).toBe(1);

    // The address changes before the old one's check answers; the new one is reachable.
    await settingsItem.update((settings) => ({ ...settings, dashboardOrigin: 'https://dash.example.com' }));
    await expect.poll(() => pending['billing.get']?.length).toBe(2);
    pending['billing.get']![1]!.resolve({ ok: true, value: zeroView('BELGO-001', 'host') });
    await expect.poll(() => screen.getByTestId('popup-state').getAttribute('data-state')).toBe('ready');

    oldCheck.resolve(false);
    await answersApplied();
    expect(screen.getByTestId('popup-state')).toHaveAttribute('data-state', 'ready');
  });
});
