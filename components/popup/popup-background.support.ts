/**
 * What the popup's tests share: a background that answers each request the way the test says
 * (and remembers what it was asked), and the views and tenant lists it answers with.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { BillingSnapshot, Result, Usage } from '@/lib/billing/model';
import type { BillingView, TenantList, TenantRef } from '@/lib/protocol/replies';
import { snapshot } from '@/tests/support/tenant-overview';

export type Message = { op: string; tenantId?: string; month?: string; freshness?: string; dashboard?: string };

/** Answers every request with `answer`'s reply (a pending promise stands for a background still busy). */
export function fakeBackground(answer: (message: Message) => Result<unknown> | Promise<Result<unknown>>): { asked: Message[] } {
  const asked: Message[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: Message) => {
    asked.push(message);
    return Promise.resolve(answer(message));
  }) as never);
  return { asked };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** `id`'s view of its current month (December 2026 unless `over` says otherwise). */
export function viewOf(id: string, over: Partial<Usage> = {}, rest: Partial<BillingSnapshot> & { stale?: boolean } = {}): BillingView {
  const { stale = false, ...snapshotRest } = rest;
  return {
    tenant: { id, name: id, color: null, source: 'host' },
    stale,
    refreshError: null,
    retryAt: null,
    snapshot: snapshot(id, over, snapshotRest),
  };
}

export function tenantList(tenants: (string | TenantRef)[], activeId: string): TenantList {
  return {
    origin: 'http://localhost:9001',
    person: 'belgo_admin',
    tenants: tenants.map((t) => (typeof t === 'string' ? { id: t, name: t, color: null, source: 'host' } : t)),
    activeId,
    hint: null,
  };
}
