/** The overview's groups: one per dashboard of several, each asking its own; one following the chosen dashboard otherwise. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OverviewGroups } from '@/lib/ui/overview-groups.svelte';

const [A, B, C] = ['http://localhost:9001', 'http://localhost:9002', 'https://c.example'];
const dashboard = (origin: string, name = '') => ({ name, origin });
let sent: Record<string, unknown>[];

beforeEach(() => {
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: Record<string, unknown>) => {
    sent.push(message);
    return new Promise(() => undefined);
  }) as never);
});

describe('OverviewGroups', () => {
  it('one group per dashboard in list order, each asking its own; kept by origin as the list changes', async () => {
    const overview = new OverviewGroups();
    overview.sync([dashboard(A, 'Produção'), dashboard(B)]);
    // Nothing is asked before start (the first paint has its groups already).
    expect(sent).toEqual([]);
    const stop = overview.start();
    expect(overview.groups.map((g) => [g.dashboard?.origin, g.tenants.dashboard])).toEqual([[A, A], [B, B]]);
    await vi.waitFor(() => expect(sent.map((m) => m.dashboard)).toEqual([A, B]));
    const [atA] = overview.groups.map((g) => g.tenants);

    // C added, A renamed: A keeps its rows (no new question), C starts asking.
    overview.sync([dashboard(A, 'Prod'), dashboard(B), dashboard(C)]);
    expect(overview.groups[0]!.tenants).toBe(atA);
    expect(overview.groups[0]!.dashboard?.name).toBe('Prod');
    await vi.waitFor(() => expect(sent.map((m) => m.dashboard)).toEqual([A, B, C]));

    // Down to one: a single group following the chosen dashboard, its questions naming none.
    overview.sync([dashboard(B)]);
    expect(overview.several).toBe(false);
    expect(overview.groups.map((g) => [g.dashboard?.origin, g.tenants.dashboard])).toEqual([[B, undefined]]);
    await vi.waitFor(() => expect(sent).toHaveLength(4));
    expect(sent[3]).toEqual({ op: 'tenants.get' });
    stop();
  });
});
