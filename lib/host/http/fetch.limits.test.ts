/** hostFetch and the 2 MB cap: a body past it is refused before or while reading, never read whole. */
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, hostFetch } from '@/lib/host/http/fetch';
import type { FakeHost } from '@/tests/support/fake-host';
import { endpoint, freshHost } from '@/tests/support/host-fetch';

let host: FakeHost;
let token: string;

beforeEach(() => {
  ({ host, token } = freshHost());
});

describe('bodies past the 2 MB cap', () => {
  const tooLarge = { ok: false, error: { kind: 'tooLarge', limitBytes: MAX_BODY_BYTES } };

  it('a body that grows past the cap is cut off, never read whole', async () => {
    host.route('/api/x', { status: 200, body: `{"x":"${'a'.repeat(MAX_BODY_BYTES)}"}` });
    expect(await hostFetch(endpoint, { token })).toEqual(tooLarge);
  });

  it('a declared length past the cap is refused before reading', async () => {
    host.route('/api/x', { status: 200, body: '{}', headers: { 'content-length': String(40 * 1024 * 1024) } });
    expect(await hostFetch(endpoint, { token })).toEqual(tooLarge);
  });

  it('an error body past the cap too', async () => {
    host.route('/api/x', { status: 500, body: 'x'.repeat(MAX_BODY_BYTES + 1), contentType: 'text/plain' });
    expect(await hostFetch(endpoint, { token })).toEqual(tooLarge);
  });

  it('just under the cap, with multi-byte text, reads whole', async () => {
    const text = 'ã'.repeat(Math.floor(MAX_BODY_BYTES / 2) - 20);
    host.route('/api/x', { status: 200, body: JSON.stringify({ text }) });
    const result = await hostFetch(endpoint, { token });
    expect(result.ok && (result.value as { text: string }).text).toBe(text);
  });
});
