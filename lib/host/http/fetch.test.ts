/** hostFetch: every status and failure mode the host produces maps to one closed error. */
import { beforeEach, describe, expect, it } from 'vitest';
import { hostFetch } from '@/lib/host/http/fetch';
import {
  AUTH_REQUIRED,
  ORIGIN,
  SERVER_ERROR,
  TENANT_NOT_RESOLVED,
  json,
  sample,
  type FakeHost,
} from '@/tests/support/fake-host';
import { endpoint, freshHost } from '@/tests/support/host-fetch';

let host: FakeHost;
let token: string;

beforeEach(() => {
  ({ host, token } = freshHost());
});

describe('hostFetch status mapping', () => {
  it('answers the JSON of a 200', async () => {
    host.route('/api/x', sample('v1-admin-usage.admin-v1-token'));
    const result = await hostFetch(endpoint, { token });
    expect(result.ok).toBe(true);
    expect(result.ok && (result.value as { total_cost_cents: number }).total_cost_cents).toBe(2702);
  });

  it('401 AUTH_REQUIRED is signedOut', async () => {
    host.route('/api/x', sample('billing-page.anonymous'));
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'signedOut' } });
    host.route('/api/x', AUTH_REQUIRED);
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'signedOut' } });
  });

  it('401 "Tenant nao identificado" is notAvailable (a missing family, not a lost session)', async () => {
    host.route('/api/x', sample('v1-current-usage.admin-v1-token'));
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'notAvailable' } });
    host.route('/api/x', TENANT_NOT_RESOLVED);
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'notAvailable' } });
  });

  it('403 is noAccess', async () => {
    host.route('/api/x', sample('panel-usage.developer'));
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'noAccess' } });
    host.route('/api/x', sample('v1-admin-usage.super-admin'));
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'noAccess' } });
  });

  it('404 is notAvailable', async () => {
    host.route('/api/x', sample('panel-usage-not-mounted.admin-legacy-token'));
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'notAvailable' } });
  });

  it.each([422, 429, 500, 502])('%i is a server error with that status', async (status) => {
    host.route('/api/x', json(status, { detail: 'x' }));
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'server', status } });
  });

  it('a text/plain 500 (the panel with a v1 token) is server 500', async () => {
    host.route('/api/x', sample('panel-usage.admin-v1-token'));
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
    host.route('/api/x', SERVER_ERROR);
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'server', status: 500 } });
  });
});

describe('hostFetch bodies that are not JSON', () => {
  it('an HTML 200 (the login page) is badResponse "HTML instead of JSON"', async () => {
    host.route('/api/x', {
      status: 200,
      body: '<!DOCTYPE html><html><head><title>Login</title></head><body><form></form></body></html>',
      contentType: 'text/html; charset=utf-8',
    });
    expect(await hostFetch(endpoint, { token })).toEqual({
      ok: false,
      error: { kind: 'badResponse', detail: 'HTML instead of JSON' },
    });
  });

  it('HTML labelled as JSON is still refused as HTML', async () => {
    host.route('/api/x', { status: 200, body: '  <html><body>login</body></html>', contentType: 'application/json' });
    expect(await hostFetch(endpoint, { token })).toEqual({
      ok: false,
      error: { kind: 'badResponse', detail: 'HTML instead of JSON' },
    });
  });

  it('malformed JSON is badResponse', async () => {
    host.route('/api/x', { status: 200, body: '{"total_cost_cents": 27', contentType: 'application/json' });
    expect(await hostFetch(endpoint, { token })).toEqual({
      ok: false,
      error: { kind: 'badResponse', detail: 'malformed JSON' },
    });
  });

  it('an empty body is badResponse', async () => {
    host.route('/api/x', { status: 200, body: '', contentType: 'application/json' });
    expect(await hostFetch(endpoint, { token })).toEqual({
      ok: false,
      error: { kind: 'badResponse', detail: 'empty body' },
    });
    host.route('/api/x', { status: 200, body: ' \n ', contentType: 'application/json' });
    expect(await hostFetch(endpoint, { token })).toEqual({
      ok: false,
      error: { kind: 'badResponse', detail: 'empty body' },
    });
  });
});

describe('hostFetch network failures', () => {
  it('times out when the host never answers', async () => {
    host.route('/api/x', { hang: true });
    const started = Date.now();
    expect(await hostFetch(endpoint, { token, timeoutMs: 50 })).toEqual({ ok: false, error: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(host.requests).toHaveLength(1);
  });

  it('a refused connection (TypeError) is offline', async () => {
    host.route('/api/x', { refuse: true });
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'offline' } });
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    host.route('/api/x', { hang: true });
    const controller = new AbortController();
    const reason = new Error('caller went away');
    const pending = hostFetch(endpoint, { token, signal: controller.signal, timeoutMs: 5000 });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('rejects at once with a signal that is already aborted', async () => {
    host.route('/api/x', sample('v1-admin-usage.admin-v1-token'));
    const controller = new AbortController();
    const reason = new Error('already gone');
    controller.abort(reason);
    await expect(hostFetch(endpoint, { token, signal: controller.signal })).rejects.toBe(reason);
  });
});

describe('only the dashboard itself is believed', () => {
  it('asks fetch not to follow redirects, and refuses one', async () => {
    host.route('/api/x', { status: 302, body: '', headers: { location: 'http://evil.example/usage' } });
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'redirected' } });
    expect(host.requests[0]!.redirect).toBe('manual');
  });

  it('refuses an answer that says it came from another origin', async () => {
    host.route('/api/x', { ...sample('v1-admin-usage.admin-v1-token'), url: 'http://evil.example/api/x' });
    expect(await hostFetch(endpoint, { token })).toEqual({ ok: false, error: { kind: 'redirected' } });
  });
});

describe('hostFetch request shape', () => {
  it('sends the Bearer token and the endpoint headers, never credentials', async () => {
    host.route('/api/x', sample('v1-admin-usage.admin-v1-token'));
    await hostFetch({ url: `${ORIGIN}/api/x?a=1`, headers: { 'X-Tenant-ID': 'BELGO-001' } }, { token });
    expect(host.requests).toHaveLength(1);
    const [request] = host.requests;
    expect(request!.url).toBe(`${ORIGIN}/api/x?a=1`);
    expect(request!.method).toBe('GET');
    expect(request!.headers.authorization).toBe(`Bearer ${token}`);
    expect(request!.headers['x-tenant-id']).toBe('BELGO-001');
    expect(request!.headers.accept).toBe('application/json');
    expect(request!.headers.cookie).toBeUndefined();
    expect(request!.credentials).toBe('omit');
  });
});
