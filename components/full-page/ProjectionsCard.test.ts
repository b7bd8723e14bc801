/** ProjectionsCard: the host's four projection figures, or why there are none. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import ProjectionsCard from '@/components/full-page/ProjectionsCard.svelte';
import { NBSP } from '@/tests/support/usage';
import { notAvailable, projections, text } from '@/components/full-page/widgets.support';

beforeEach(() => installI18nStub('pt_BR'));
afterEach(() => cleanup());

describe('ProjectionsCard', () => {
  it('shows the four projection figures', () => {
    render(ProjectionsCard, { projections: projections(50000), locale: 'pt-BR' });
    expect(text(screen.getByTestId('full-projection-spent'))).toBe(`R$${NBSP}245,80`);
    expect(text(screen.getByTestId('full-projection-total'))).toBe(`R$${NBSP}245,80`);
    expect(screen.getByTestId('full-projection-days')).toHaveTextContent('12');
    expect(text(screen.getByTestId('full-projection-next'))).toBe(`R$${NBSP}270,38`);
  });

  it('says plainly when the host has no projections', () => {
    render(ProjectionsCard, { projections: notAvailable, locale: 'pt-BR' });
    expect(screen.getByTestId('full-projections-unavailable')).toHaveTextContent(/^Projeções não disponíveis neste servidor$/);
  });
});
