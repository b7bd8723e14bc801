/**
 * The host's Retry-After (hold.ts): a 429 or 503 that names a time holds the session's billing
 * requests to that origin until then (an hour at most), the error saying until when; who is
 * signed in is still asked, and a new sign-in is not held. Shown through hostFetch, which keeps
 * the hold.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostFetch } from '@/lib/host/http/fetch';
import { identityEndpoints } from '@/lib/host/http/endpoints';
import { ORIGIN, mintJwt, sample, type FakeHost } from '@/tests/support/fake-host';
import { endpoint, freshHost } from '@/tests/support/host-fetch';

let host: FakeHost;
let token: string;

beforeEach(() => {
  ({ host, token } = freshHost());
});

describe("the host's Retry-After (429, 503)", () => {
  const T0 = new Date('2026-11-25T12:00:00Z').getTime();
  const busy = (status: number, retryAfter: string) => ({
    status, body: { detail: 'Too Many Requests' }, contentType: 'application/json', headers: { 'retry-after': retryAfter },
  });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('in seconds: the error says until when, and nothing goes to that origin before then', async () => {
    host.route('/api/', busy(429, '30'));
    const wait = { ok: false, error: { kind: 'server', status: 429, retryAt: T0 + 30_000 } };
    expect(await hostFetch(endpoint, { token })).toEqual(wait);
    host.route('/api/', sample('v1-admin-usage.admin-v1-token'));
    vi.setSystemTime(T0 + 29_000);
    expect(await hostFetch({ url: `${ORIGIN}/api/other` }, { token })).toEqual(wait);
    expect(host.requests).toHaveLength(1);
    // Another origin is not held.
    expect((await hostFetch({ url: 'http://127.0.0.1:9001/api/x' }, { token })).ok).toBe(true);
    vi.setSystemTime(T0 + 30_000);
    expect((await hostFetch(endpoint, { token })).ok).toBe(true);
    expect(host.requests).toHaveLength(3);
  });

  it('as an HTTP date, on a 503', async () => {
    host.route('/api/', busy(503, new Date(T0 + 90_000).toUTCString()));
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'server', status: 503, retryAt: T0 + 90_000 } });
  });

  it('is ignored on other statuses, in the past, or unreadable', async () => {
    for (const [status, header] of [[500, '30'], [429, new Date(T0 - 1000).toUTCString()], [429, 'soon']] as const) {
      host.route('/api/', busy(status, header));
      expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'server', status } });
    }
  });

  it("is capped at an hour: a day's Retry-After holds the person's own refresh for an hour, then it goes", async () => {
    const HOUR = 3_600_000;
    host.route('/api/', busy(429, '86400'));
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'server', status: 429, retryAt: T0 + HOUR } });
    host.route('/api/', sample('v1-admin-usage.admin-v1-token'));
    vi.setSystemTime(T0 + HOUR - 1);
    expect((await hostFetch(endpoint, { token })).ok).toBe(false);
    vi.setSystemTime(T0 + HOUR);
    expect((await hostFetch(endpoint, { token })).ok).toBe(true);
    expect(host.requests).toHaveLength(2);
  });

  it('an HTTP date a day ahead is capped the same', async () => {
    host.route('/api/', busy(503, new Date(T0 + 86_400_000).toUTCString()));
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'server', status: 503, retryAt: T0 + 3_600_000 } });
  });

  it('a new sign-in on the origin is not held; the held session still is', async () => {
    host.route('/api/', busy(429, '600'));
    await hostFetch(endpoint, { token });
    host.route('/api/', sample('v1-admin-usage.admin-v1-token'));
    const signedInAgain = mintJwt();
    expect((await hostFetch(endpoint, { token: signedInAgain })).ok).toBe(true);
    expect((await hostFetch(endpoint, { token })).ok).toBe(false);
    expect(host.requests).toHaveLength(2);
  });

  it('the access checks (permissions, me, tenants) still reach the host while held', async () => {
    host.route('/api/', busy(429, '600'));
    await hostFetch(endpoint, { token });
    host.route('/api/user/permissions', sample('user-permissions.admin-v1-token'));
    host.route('/api/v1/auth/me', sample('auth-me.admin-v1-token'));
    host.route('/api/user/tenants', sample('user-tenants.admin-legacy-token'));
    for (const check of Object.values(identityEndpoints)) expect((await hostFetch(check(ORIGIN), { token })).ok).toBe(true);
    expect(host.requests.map((r) => r.path)).toEqual(['/api/x', '/api/user/permissions', '/api/v1/auth/me', '/api/user/tenants']);
    // The billing requests still wait.
    expect((await hostFetch(endpoint, { token })).ok).toBe(false);
  });
});
