/**
 * The popup after a switch (another tenant chosen elsewhere, another dashboard address): an answer
 * asked for before it and arriving after it (the old tenant's list, the old address's access) is
 * never painted; the answers asked for after it are.
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
const options = () => [...screen.getByTestId('popup-tenant-select').querySelectorAll('option')].map((o) => o.value);

beforeEach(() => {
  installI18nStub('pt_BR');
  pending = {};
  // The background answers each ask when the test says, in the order the test says.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { op: string }) => {
    const answer = deferred<unknown>();
    (pending[message.op] ??= []).push(answer);
    return answer.promise;
  }) as never);
});
afterEach(() => cleanup());

describe('PopupPanel after a switch', () => {
  it("a tenant list asked for before another tenant was chosen, answered after, is never painted", async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    render(PopupPanel, { props: { firstView: null } });
    answerNext('billing.get', zeroView('BELGO-001', 'host'));
    await expect.poll(() => pending['tenants.get']?.length).toBe(1);

    // Another tenant is chosen (in another window): the popup starts over for it.
    await tenantChoicesItem.setValue({ 'http://localhost:9001 x': { chosen: ['STARTUP-001'], active: 'STARTUP-001' } });
    await expect.poll(() => pending['billing.get']?.length).toBe(1);
    answerNext('billing.get', zeroView('STARTUP-001', 'chosen'));
    await expect.poll(() => pending['tenants.get']?.length).toBe(2);

    // The new list arrives first, the old one late: the new one stays.
    pending['tenants.get']![1]!.resolve({ ok: true, value: list('x', ['STARTUP-001', 'TECH-001']) });
    await expect.poll(() => screen.queryByTestId('popup-tenant-select')).not.toBeNull();
    pending['tenants.get']![0]!.resolve({ ok: true, value: list('x', ['BELGO-001', 'OLD-001']) });
    await answersApplied();
    expect(options()).toEqual(['STARTUP-001', 'TECH-001']);
    expect(screen.getByTestId('popup-tenant')).toHaveTextContent('STARTUP-001');
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
