/**
 * How a wait the host asked for (Retry-After) is worded: a short one counts down in seconds, a
 * longer one (up to the hour hold.ts allows) says until when, as a time of day.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { installI18nStub } from '@/tests/support/i18n-stub';
import { errorText } from '@/lib/i18n/error-text';

// Local times, as the person's clock shows them.
const NOW = new Date(2026, 10, 25, 13, 40, 0).getTime();
const wait = (retryAt: number) => ({ kind: 'server', status: 429, retryAt }) as const;

describe('a wait the host asked for', () => {
  beforeEach(() => installI18nStub('pt_BR'));

  it('under a minute: counts down in seconds', () => {
    expect(errorText(wait(NOW + 30_000), NOW)).toBe('O servidor está sobrecarregado (erro 429): tente novamente em 30 s');
  });

  it('longer: says until when, to the minute and never earlier than the host said', () => {
    expect(errorText(wait(new Date(2026, 10, 25, 14, 32, 0).getTime()), NOW)).toBe('O servidor pediu para esperar até 14:32 (erro 429)');
    expect(errorText(wait(new Date(2026, 10, 25, 14, 31, 20).getTime()), NOW)).toBe('O servidor pediu para esperar até 14:32 (erro 429)');
  });

  it('in English, with the English clock', () => {
    installI18nStub('en');
    expect(errorText(wait(new Date(2026, 10, 25, 14, 32, 0).getTime()), NOW)).toBe('The server asked us to wait until 2:32 PM (error 429)');
  });
});
