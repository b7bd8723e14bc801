/** The note beside a typed tenant's zeros: said for an id the person typed, never for one the host vouches for. */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import UnknownTenantNote from '@/components/shared/UnknownTenantNote.svelte';
import { zeroView } from '@/components/shared/UnknownTenantNote.support';
import { brl } from '@/tests/support/usage';

afterEach(() => cleanup());

describe('UnknownTenantNote', () => {
  it('asks the person to check a typed id whose every figure is zero, in pt-BR and English', () => {
    installI18nStub('pt_BR');
    render(UnknownTenantNote, { props: { view: zeroView('TECH-01') } });
    expect(screen.getByRole('note')).toHaveTextContent(
      'Todos os valores estão zerados. O servidor também responde zeros para IDs de tenant que não conhece: confira se TECH-01 é o ID certo.',
    );
    cleanup();
    installI18nStub('en');
    render(UnknownTenantNote, { props: { view: zeroView('TECH-01') } });
    expect(screen.getByTestId('billing-unknown-tenant')).toHaveTextContent('check that TECH-01 is the right id');
  });

  it('says nothing for a tenant the host listed or the token names', () => {
    installI18nStub('pt_BR');
    for (const source of ['host', 'token'] as const) {
      render(UnknownTenantNote, { props: { view: zeroView('STARTUP-001', source) } });
      expect(screen.queryByTestId('billing-unknown-tenant')).toBeNull();
      cleanup();
    }
  });

  it('says nothing once a figure is not zero', () => {
    installI18nStub('pt_BR');
    const view = zeroView('TECH-001');
    render(UnknownTenantNote, { props: { view: { ...view, snapshot: { ...view.snapshot, usage: { ...view.snapshot.usage, total: brl(4150) } } } } });
    expect(screen.queryByTestId('billing-unknown-tenant')).toBeNull();
  });
});
