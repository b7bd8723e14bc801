/**
 * The popup's dashboard switcher: with two dashboards or more, each entry names its dashboard
 * with that dashboard's own active tenant and cost (asked for its origin alone), or a word for
 * why it has none; choosing one makes it the chosen dashboard; an answer that is not the entry's
 * own, or that a settings change overtook, is never shown under its name.
 */
import { installI18nStub } from '@/tests/support/i18n-stub';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { fakeBrowser } from 'wxt/testing';
import DashboardSwitcher from '@/components/popup/DashboardSwitcher.svelte';
import type { Result } from '@/lib/billing/model';
import { settingsItem, updateSettings } from '@/lib/storage/settings';
import { brl } from '@/tests/support/usage';
import { deferred } from '@/tests/support/fake-host';
import { fakeBackground, ok, viewOf, type Message } from '@/components/popup/popup-background.support';

const A = 'http://localhost:9001';
const B = 'http://localhost:9002';
const C = 'https://dash.example.com';
const TWO = [{ name: 'Produção', origin: A }, { name: '', origin: B }];

/** Each dashboard's own active tenant and cost, its snapshot saying it is that origin's. */
const figuresAt = (origin: string, tenantId: string, cents: number) => ok(viewOf(tenantId, { total: brl(cents) }, { origin }));
const dashboardOf = (message: Message) => (message as Message & { dashboard?: string }).dashboard;

/** A: BELGO-001 at R$ 27,02; B: TECH-001 at R$ 41,50; anything else as `more` says. */
function background(more: (origin: string | undefined) => Result<unknown> | Promise<Result<unknown>> | undefined = () => undefined) {
  return fakeBackground((message) => {
    const origin = dashboardOf(message);
    const answer = more(origin);
    if (answer) return answer;
    if (origin === A) return figuresAt(A, 'BELGO-001', 2702);
    if (origin === B) return figuresAt(B, 'TECH-001', 4150);
    return { ok: false, error: { kind: 'offline' } };
  });
}

const select = () => screen.getByTestId<HTMLSelectElement>('popup-dashboard-select');
const entries = () => [...select().options].map((option) => option.textContent?.replace(/\s/g, ' ').trim());
const locale = 'pt-BR';
/** Once a macrotask has passed, every promise callback queued before it (a late answer's) has run. */
const answersApplied = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(async () => {
  installI18nStub('pt_BR');
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await updateSettings({ dashboards: TWO, dashboardOrigin: A });
});
afterEach(() => cleanup());

describe('DashboardSwitcher', () => {
  it("lists every dashboard with its own tenant and cost, asked for its own origin; the chosen one is selected", async () => {
    const { asked } = background();
    render(DashboardSwitcher, { props: { locale } });
    await expect.poll(() => screen.queryByLabelText('Dashboard Agile')).toBe(screen.queryByTestId('popup-dashboard-select'));
    await expect.poll(entries).toEqual(['Produção — BELGO-001: R$ 27,02', 'localhost:9002 — TECH-001: R$ 41,50']);
    expect(select().value).toBe(A);
    expect(asked).toEqual([
      { op: 'billing.get', freshness: 'cached', dashboard: A },
      { op: 'billing.get', freshness: 'cached', dashboard: B },
    ]);
  });

  it('choosing another makes it the chosen dashboard, and the selection follows a choice made elsewhere', async () => {
    background();
    render(DashboardSwitcher, { props: { locale } });
    await expect.poll(entries).toHaveLength(2);
    await fireEvent.change(select(), { target: { value: B } });
    await expect.poll(async () => (await settingsItem.getValue()).dashboardOrigin).toBe(B);
    expect(select().value).toBe(B);
    await updateSettings({ dashboardOrigin: A });
    await expect.poll(() => select().value).toBe(A);
  });

  it('steps in quick succession (arrow keys on the closed select) store one choice, the last, once they rest', async () => {
    background();
    render(DashboardSwitcher, { props: { locale } });
    await expect.poll(entries).toHaveLength(2);
    const chosen: string[] = [];
    const stop = settingsItem.watch((now, before) => now.dashboardOrigin !== before.dashboardOrigin && chosen.push(now.dashboardOrigin));
    for (const origin of [B, A, B]) {
      await fireEvent.change(select(), { target: { value: origin } });
      await answersApplied();
    }
    await expect.poll(() => chosen).toEqual([B]);
    stop();
  });

  it('says why a dashboard has no figures: loading, signed out, no access, not allowed, unavailable', async () => {
    const never = new Promise<Result<unknown>>(() => {});
    const D = 'http://127.0.0.1:9003';
    const E = 'https://other.example.com';
    vi.mocked(fakeBrowser.permissions.contains).mockImplementation((async ({ origins }: { origins: string[] }) => origins[0] !== 'https://other.example.com/*') as never);
    background((origin) => ({
      [A]: never,
      [B]: { ok: false, error: { kind: 'signedOut' } },
      [C]: { ok: false, error: { kind: 'noAccess' } },
      [D]: { ok: false, error: { kind: 'server', status: 500 } },
    } as Record<string, Result<unknown> | Promise<Result<unknown>>>)[origin ?? '']);
    await updateSettings({ dashboards: [...TWO, { name: 'Cliente', origin: C }, { name: '', origin: D }, { name: 'Sem grant', origin: E }] });
    render(DashboardSwitcher, { props: { locale } });
    await expect.poll(entries).toEqual([
      'Produção — carregando…',
      'localhost:9002 — sem sessão',
      'Cliente — sem acesso',
      '127.0.0.1:9003 — indisponível',
      'Sem grant — sem permissão',
    ]);
  });

  it("never shows figures an answer does not tie to the entry's origin", async () => {
    // A background that answered A's figures to a question about B.
    background((origin) => (origin === B ? figuresAt(A, 'BELGO-001', 2702) : undefined));
    render(DashboardSwitcher, { props: { locale } });
    await expect.poll(entries).toEqual(['Produção — BELGO-001: R$ 27,02', 'localhost:9002 — indisponível']);
  });

  it('an answer asked for before the list changed is dropped; the one asked after it is shown', async () => {
    const answers: ReturnType<typeof deferred<Result<unknown>>>[] = [];
    background((origin) => {
      if (origin !== B) return undefined;
      const answer = deferred<Result<unknown>>();
      answers.push(answer);
      return answer.promise;
    });
    render(DashboardSwitcher, { props: { locale } });
    await expect.poll(() => answers.length).toBe(1);
    await updateSettings({ dashboards: [...TWO, { name: 'Cliente', origin: C }] });
    await expect.poll(() => answers.length).toBe(2);
    answers[1]!.resolve(figuresAt(B, 'TECH-001', 4150));
    await expect.poll(entries).toContain('localhost:9002 — TECH-001: R$ 41,50');
    // The old answer comes last, naming the tenant B's person had before.
    answers[0]!.resolve(figuresAt(B, 'OLD-001', 100));
    await answersApplied();
    expect(entries()).toContain('localhost:9002 — TECH-001: R$ 41,50');
    expect(entries().join('\n')).not.toContain('OLD-001');
  });

  it('one dashboard left: no switcher, and nothing asked for it', async () => {
    const { asked } = background();
    render(DashboardSwitcher, { props: { locale } });
    await expect.poll(entries).toHaveLength(2);
    const before = asked.length;
    await updateSettings({ dashboards: [TWO[0]!] });
    await expect.poll(() => screen.queryByTestId('popup-dashboard-select')).toBeNull();
    expect(asked.length).toBe(before);
  });

  it('speaks English to English browsers', async () => {
    installI18nStub('en');
    background((origin) => (origin === B ? { ok: false, error: { kind: 'signedOut' } } : undefined));
    render(DashboardSwitcher, { props: { locale: 'en-US' } });
    await expect.poll(() => screen.queryByLabelText('Agile Dashboard')).not.toBeNull();
    await expect.poll(entries).toEqual(['Produção — BELGO-001: R$27.02', 'localhost:9002 — signed out']);
  });
});
