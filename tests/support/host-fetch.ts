/** For hostFetch's tests: the endpoint they ask, and a fresh fake host as `fetch` for each test. */
import { vi } from 'vitest';
import { ORIGIN, createFakeHost, mintJwt, type FakeHost } from '@/tests/support/fake-host';

/** The endpoint every hostFetch test asks (on the fake host's origin). */
export const endpoint = { url: `${ORIGIN}/api/x` };

/** A new fake host installed as the global `fetch`, and a token to send it. */
export function freshHost(): { host: FakeHost; token: string } {
  const host = createFakeHost();
  vi.stubGlobal('fetch', host.fetch);
  return { host, token: mintJwt() };
}
