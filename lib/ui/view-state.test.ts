/** What a billing UI shows: one cached read at a time, and a reset never applies an old answer. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BillingViewState } from '@/lib/ui/view-state.svelte';
import { deferred } from '@/tests/support/fake-host';

let answers: ReturnType<typeof deferred<unknown>>[];

beforeEach(() => {
  answers = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => {
    const answer = deferred<unknown>();
    answers.push(answer);
    return answer.promise;
  }) as never);
});

const view = (tenantId: string) => ({ tenant: { id: tenantId }, stale: false, refreshError: null, snapshot: {} });

describe('BillingViewState', () => {
  it('a cached read while one is on its way joins it (the click on an entry whose figures are coming)', async () => {
    const state = new BillingViewState();
    const first = state.load('cached');
    const second = state.load('cached');
    expect(answers).toHaveLength(1);
    answers[0]!.resolve({ ok: true, value: view('BELGO-001') });
    await Promise.all([first, second]);
    expect(state.view?.tenant.id).toBe('BELGO-001');
    // Once answered, the next cached read asks again.
    void state.load('cached');
    expect(answers).toHaveLength(2);
  });

  it('after a reset (another tenant or person) a cached read starts afresh and the old answer is dropped', async () => {
    const state = new BillingViewState();
    const old = state.load('cached');
    state.reset();
    const fresh = state.load('cached');
    expect(answers).toHaveLength(2);
    answers[1]!.resolve({ ok: true, value: view('TECH-001') });
    answers[0]!.resolve({ ok: true, value: view('BELGO-001') });
    await Promise.all([old, fresh]);
    expect(state.view?.tenant.id).toBe('TECH-001');
  });

  it('a forced read is never joined to a cached one', () => {
    const state = new BillingViewState();
    void state.load('cached');
    void state.load('force');
    expect(answers).toHaveLength(2);
  });

  it('a tenant choice answered after another person or tenant came is dropped: no refusal said, nothing reloaded', async () => {
    const state = new BillingViewState();
    const refused = state.choose('TECH-001');
    state.reset();
    answers[0]!.resolve({ ok: false, error: { kind: 'storage' } });
    expect(await refused).toBeNull();
    const accepted = state.choose('TECH-001');
    state.reset();
    answers[1]!.resolve({ ok: true, value: {} });
    await accepted;
    expect(answers).toHaveLength(2);
  });
});
