/**
 * The active tenant's alerts in the popup: every warning in force, worst first, in words; none
 * at all when there are none; always the tenant shown's, never one asked for before a switch.
 */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import PopupWarnings from '@/components/popup/PopupWarnings.svelte';
import type { AlertsView, AlertWarning } from '@/lib/protocol/replies';
import type { Result } from '@/lib/billing/model';
import { deferred } from '@/tests/support/fake-host';
import { brl } from '@/tests/support/usage';
import { fakeBackground, ok, type Message } from '@/components/popup/popup-background.support';

const LLM_OVER: AlertWarning = { kind: 'quota', resource: 'llm', level: 100, percent: 1050, figure: 1_050_000, limit: 100_000, at: null };
const BUDGET_80: AlertWarning = { kind: 'budget', level: 80, percent: 90.07, figure: brl(2702), limit: brl(3000), at: 1 };
const alerts = (tenantId: string, active: AlertWarning[]): AlertsView => ({ tenantId, period: '2026-12', silenced: false, active });
const lines = () => screen.queryAllByTestId('popup-warning').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('PopupWarnings', () => {
  it('lists the warnings in force for the tenant, worst first, in words', async () => {
    const { asked } = fakeBackground(() => ok(alerts('BELGO-001', [LLM_OVER, BUDGET_80])));
    render(PopupWarnings, { props: { tenantId: 'BELGO-001', fetchedAt: 1, locale: 'pt-BR' } });
    await expect.poll(lines).toEqual(['! Tokens de LLM: 1.050% do plano', '▲ Orçamento: 90% (nível 80%)']);
    expect(screen.getByTestId('popup-warnings')).toBeInTheDocument();
    expect(screen.getAllByTestId('popup-warning').map((li) => li.dataset.level)).toEqual(['100', '80']);
    expect(asked).toEqual([{ op: 'alerts.get', tenantId: 'BELGO-001' }]);
  });

  it('says nothing when no alert is in force, or the alerts cannot be read', async () => {
    const { asked } = fakeBackground(() => ok(alerts('BELGO-001', [])));
    render(PopupWarnings, { props: { tenantId: 'BELGO-001', fetchedAt: 1, locale: 'pt-BR' } });
    await expect.poll(() => asked.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByTestId('popup-warnings')).toBeNull();
    cleanup();
    fakeBackground(() => ({ ok: false, error: { kind: 'signedOut' } }));
    render(PopupWarnings, { props: { tenantId: 'BELGO-001', fetchedAt: 1, locale: 'pt-BR' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByTestId('popup-warnings')).toBeNull();
  });

  it("after a switch, shows the new tenant's alerts, never the old one's answered late", async () => {
    const replies: Record<string, ReturnType<typeof deferred<Result<unknown>>>> = {};
    fakeBackground((message: Message) => {
      replies[message.tenantId!] = deferred<Result<unknown>>();
      return replies[message.tenantId!]!.promise;
    });
    const { rerender } = render(PopupWarnings, { props: { tenantId: 'BELGO-001', fetchedAt: 1, locale: 'pt-BR' } });
    await expect.poll(() => replies['BELGO-001']).toBeDefined();
    await rerender({ tenantId: 'TECH-001', fetchedAt: 2, locale: 'pt-BR' });
    await expect.poll(() => replies['TECH-001']).toBeDefined();

    replies['TECH-001']!.resolve(ok(alerts('TECH-001', [BUDGET_80])));
    await expect.poll(lines).toEqual(['▲ Orçamento: 90% (nível 80%)']);
    replies['BELGO-001']!.resolve(ok(alerts('BELGO-001', [LLM_OVER, BUDGET_80])));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lines()).toEqual(['▲ Orçamento: 90% (nível 80%)']);
  });
});
