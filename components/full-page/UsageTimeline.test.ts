/** UsageTimeline: the host's daily costs as bars and as a table, or why there are none. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import UsageTimeline from '@/components/full-page/UsageTimeline.svelte';
import type { TimelinePoint } from '@/lib/billing/model';
import { brl, NBSP } from '@/tests/support/usage';
import { notAvailable, text } from '@/components/full-page/widgets.support';

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('UsageTimeline', () => {
  const points: TimelinePoint[] = [
    { date: '2026-11-01', apiCalls: 1000, tokens: 1, cost: brl(1200) },
    { date: '2026-11-02', apiCalls: 1500, tokens: 1, cost: brl(2400) },
    { date: '2026-11-03', apiCalls: 900, tokens: 1, cost: brl(0) },
  ];

  it('says plainly when the host has no timeline', () => {
    render(UsageTimeline, { timeline: notAvailable, locale: 'pt-BR' });
    expect(screen.getByTestId('full-timeline-unavailable')).toHaveTextContent(/^Linha do tempo não disponível neste servidor$/);
    expect(screen.queryByTestId('full-timeline')).toBeNull();
  });

  it('adds the reason for other failures', () => {
    render(UsageTimeline, { timeline: { ok: false, error: { kind: 'server', status: 502 } }, locale: 'pt-BR' });
    expect(screen.getByTestId('full-timeline-unavailable')).toHaveTextContent('Linha do tempo não disponível neste servidor (O servidor respondeu com erro 502)');
  });

  it('draws one bar per day, scaled to the peak, with an accessible name and a table', () => {
    render(UsageTimeline, { timeline: { ok: true, value: points }, locale: 'pt-BR' });
    const chart = screen.getByRole('img', { name: 'Custo diário de 01/11/2026 a 03/11/2026' });
    expect(chart.querySelector('title')).toHaveTextContent('Custo diário de 01/11/2026 a 03/11/2026');
    const bars = screen.getAllByTestId('full-timeline-bar');
    expect(bars).toHaveLength(3);
    expect(bars.map((b) => Number(b.getAttribute('height')))).toEqual([78, 156, 0]);
    expect(text(bars[1]!.querySelector('title'))).toBe(`02/11/2026: R$${NBSP}24,00`);
    const table = screen.getByTestId('full-timeline-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      `01/11/2026R$${NBSP}12,001.000`,
      `02/11/2026R$${NBSP}24,001.500`,
      `03/11/2026R$${NBSP}0,00900`,
    ]);
  });

  it('renders host dates as text, never as markup', () => {
    render(UsageTimeline, { timeline: { ok: true, value: [{ ...points[0]!, date: '<img src=x onerror=alert(1)>' }] }, locale: 'pt-BR' });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('full-timeline-table')).toHaveTextContent('<img src=x onerror=alert(1)>');
  });
});
