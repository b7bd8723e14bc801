/** FetchedAt on its own, in English (the modal's tests cover it in pt-BR). */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import FetchedAt from '@/components/shared/FetchedAt.svelte';

afterEach(() => cleanup());

describe('FetchedAt', () => {
  it('formats relative time in English', () => {
    installI18nStub('en');
    const now = Date.UTC(2026, 10, 25, 12);
    render(FetchedAt, { props: { fetchedAt: now - 5 * 60_000, now, locale: 'en' } });
    expect(screen.getByTestId('billing-fetched-at')).toHaveTextContent('Updated 5 minutes ago');
  });
});
