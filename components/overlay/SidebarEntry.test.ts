import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import SidebarEntry from '@/components/overlay/SidebarEntry.svelte';
import type { BillingView } from '@/lib/protocol/replies';

const NBSP = '\u00a0';
const brl = (cents: number) => ({ cents, currency: 'BRL' });

function view(stale = false): BillingView {
  return {
    tenant: { id: 'BELGO-001', name: 'Belgo Arames', color: null, source: 'host' },
    stale,
    refreshError: null,
    retryAt: null,
    snapshot: {
      origin: 'http://localhost:9001',
      tenantId: 'BELGO-001',
      family: 'adminV1',
      simulated: false,
      fetchedAt: Date.now() - 30 * 60_000,
      usage: {
        period: '2026-11',
        periodStart: null,
        periodEnd: null,
        total: brl(2702),
        split: { api: brl(120), llm: brl(1574), storage: brl(609), compute: brl(399) },
        metrics: { apiCalls: 15420, tokensTotal: 1_050_000, tokensIn: 0, tokensOut: 0, storageMb: 1250, computeMinutes: 120 },
        month: '2026-11',
        quotas: { api: null, llm: null, storage: null, compute: null },
        callsByEndpoint: null,
      },
      invoices: { ok: false, error: { kind: 'notAvailable' } },
      projections: { ok: false, error: { kind: 'notAvailable' } },
      timeline: { ok: false, error: { kind: 'notAvailable' } },
    },
  };
}

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('SidebarEntry', () => {
  // How it looks beside the host's own sections is checked in real Chromium (overlay.spec.ts).
  it('renders the seed section: title, entry button, the stats\' shape while loading', async () => {
    const onopen = vi.fn();
    render(SidebarEntry, { props: { view: null, dark: false, onopen, locale: 'pt-BR' } });
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Faturamento');
    const entry = screen.getByRole('button', { name: 'Billing e Usage' });
    expect(entry).toHaveAttribute('aria-haspopup', 'dialog');
    expect(screen.queryByTestId('billing-sidebar-cost')).toBeNull();
    expect(screen.getByTestId('billing-sidebar-loading')).toHaveTextContent('Carregando o faturamento…');
    await fireEvent.click(entry);
    expect(onopen).toHaveBeenCalledTimes(1);
  });

  it('shows the quick stats from a view', () => {
    render(SidebarEntry, { props: { view: view(), dark: false, onopen: vi.fn(), locale: 'pt-BR' } });
    expect(screen.getByText('Custo atual')).toBeInTheDocument();
    expect(screen.getByTestId('billing-sidebar-cost').textContent?.trim()).toBe(`R$${NBSP}27,02`);
    expect(screen.getByText('Chamadas de API')).toBeInTheDocument();
    expect(screen.getByTestId('billing-sidebar-calls')).toHaveTextContent('15.420');
    expect(screen.getByTestId('billing-sidebar-stats')).not.toHaveClass('opacity-60');
    expect(screen.queryByTestId('billing-sidebar-stale')).toBeNull();
  });

  it('says stale stats are outdated and how old, in full contrast', () => {
    render(SidebarEntry, { props: { view: view(true), dark: false, onopen: vi.fn(), locale: 'pt-BR' } });
    expect(screen.getByTestId('billing-sidebar-stats')).not.toHaveClass('opacity-60');
    expect(screen.getByTestId('billing-sidebar-stale')).toHaveTextContent('Desatualizado · dados obtidos há 30 minutos');
  });

  it('says the figures are missing when they failed, instead of dropping them silently', () => {
    render(SidebarEntry, { props: { view: null, error: { kind: 'timeout' }, dark: false, onopen: vi.fn(), locale: 'pt-BR' } });
    expect(screen.getByTestId('billing-sidebar-error')).toHaveTextContent('Valores indisponíveis: abra para ver o motivo');
    expect(screen.queryByTestId('billing-sidebar-loading')).toBeNull();
  });

  it('formats in English', () => {
    installI18nStub('en');
    render(SidebarEntry, { props: { view: view(), dark: true, onopen: vi.fn(), locale: 'en' } });
    expect(screen.getByTestId('billing-sidebar-entry')).toHaveTextContent('Billing & Usage');
    expect(screen.getByTestId('billing-sidebar-cost')).toHaveTextContent('R$27.02');
    expect(screen.getByTestId('billing-sidebar-calls')).toHaveTextContent('15,420');
  });

  it('uses the UI language when no locale is given', () => {
    render(SidebarEntry, { props: { view: view(), dark: false, onopen: vi.fn() } });
    expect(screen.getByTestId('billing-sidebar-calls')).toHaveTextContent('15.420');
  });
});
