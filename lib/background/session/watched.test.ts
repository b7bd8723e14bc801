/** An origin no longer watched (another address, access withdrawn) forgets its person and figures at once. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { allStorageText, billing, report, setUpRouterTests, withTenantClaim } from '@/lib/background/router.support';
import { forgetOriginsNoLongerWatched, forgetUnwatched } from '@/lib/background/session/watched';
import { updateSettings } from '@/lib/storage/settings';
import { signedInOriginsItem } from '@/lib/storage/sessions';
import { tenantChoicesItem } from '@/lib/storage/tenant-choices';
import { budgetAlertsShownItem } from '@/lib/storage/budget-alerts-shown';
import { ORIGIN, until } from '@/tests/support/fake-host';

setUpRouterTests();

// The fake browser has no permissions API: whether the dashboard is granted, and its removal event.
let granted: boolean;
let withdrawn: (() => void)[];

beforeEach(async () => {
  granted = true;
  withdrawn = [];
  (browser as any).permissions = {
    contains: vi.fn(async () => granted),
    onRemoved: { addListener: (listener: () => void) => withdrawn.push(listener) },
  };
  await updateSettings({ dashboardOrigin: ORIGIN });
  forgetOriginsNoLongerWatched();
  await report(withTenantClaim());
  expect((await billing({ freshness: 'cached' })).ok).toBe(true);
});

const forgotten = () => until(async () => expect(await allStorageText('session')).not.toContain(ORIGIN));

describe('an origin no longer watched', () => {
  it('a new dashboard address: the old one forgets its session and figures; back on it, nobody is signed in until a tab says so', async () => {
    await updateSettings({ dashboardOrigin: 'https://other.example.com' });
    await forgotten();
    await updateSettings({ dashboardOrigin: ORIGIN });
    // Removed from the list, then added back: a dashboard as new, where nobody ever signed in.
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'signedOut', neverSignedIn: true } });
  });

  it('access withdrawn (Firefox\'s Permissions tab): the same, at once', async () => {
    granted = false;
    withdrawn.forEach((listener) => listener());
    await forgotten();
    expect(await billing({ freshness: 'cached' })).toEqual({ ok: false, error: { kind: 'signedOut' } });
  });

  it('several dashboards: choosing another keeps this one\'s person; removing it from the list forgets them', async () => {
    const other = { name: 'Staging', origin: 'https://staging.example.com' };
    await updateSettings({ dashboards: [{ name: '', origin: ORIGIN }, other], dashboardOrigin: other.origin });
    await updateSettings({ dashboardOrigin: ORIGIN });
    expect((await billing({ freshness: 'cached' })).ok).toBe(true);
    await updateSettings({ dashboards: [other], dashboardOrigin: other.origin });
    await forgotten();
  });

  it('the watched origin keeps its person when access to another one is withdrawn', async () => {
    await forgetUnwatched();
    expect((await billing({ freshness: 'cached' })).ok).toBe(true);
  });

  it('a dashboard removed from the list also forgets that anyone signed in there, its tenant choices and its alerts; the others keep theirs', async () => {
    const other = { name: 'Staging', origin: 'https://staging.example.com' };
    const OTHER = other.origin;
    await updateSettings({ dashboards: [{ name: '', origin: ORIGIN }, other], dashboardOrigin: ORIGIN });
    const choices = { chosen: ['TECH-001'], active: 'TECH-001' };
    await signedInOriginsItem.setValue([ORIGIN, OTHER]);
    await tenantChoicesItem.setValue({ [`${ORIGIN} belgo_admin`]: choices, [`${OTHER} tech_admin`]: choices });
    await budgetAlertsShownItem.setValue({
      announced: { [`${ORIGIN} BELGO-001 2026-12 budget`]: { level: 80, at: 1 }, [`${OTHER} TECH-001 2026-12 budget`]: { level: 80, at: 1 } },
      silenced: [`${ORIGIN} BELGO-001 2026-12`, `${OTHER} TECH-001 2026-12`],
    });

    // A withdrawn grant keeps them: the dashboard is still listed.
    granted = false;
    withdrawn.forEach((listener) => listener());
    await forgotten();
    expect(await signedInOriginsItem.getValue()).toEqual([ORIGIN, OTHER]);
    expect(Object.keys(await tenantChoicesItem.getValue())).toHaveLength(2);

    await updateSettings({ dashboards: [other], dashboardOrigin: OTHER });
    await until(async () => expect(await signedInOriginsItem.getValue()).toEqual([OTHER]));
    await until(async () => expect(Object.keys(await tenantChoicesItem.getValue())).toEqual([`${OTHER} tech_admin`]));
    await until(async () =>
      expect(await budgetAlertsShownItem.getValue()).toEqual({
        announced: { [`${OTHER} TECH-001 2026-12 budget`]: { level: 80, at: 1 } },
        silenced: [`${OTHER} TECH-001 2026-12`],
      }),
    );
    expect(await allStorageText('local')).not.toContain(ORIGIN.replace(/^https?:\/\//, ''));
  });

  it('the start-up sweep reads no removal into a list alone: what is kept of a dashboard goes only when a change removes it', async () => {
    const OTHER = 'https://staging.example.com';
    const choices = { chosen: ['TECH-001'], active: 'TECH-001' };
    await signedInOriginsItem.setValue([ORIGIN, OTHER]);
    await tenantChoicesItem.setValue({ [`${OTHER} tech_admin`]: choices });
    // The list names ORIGIN alone (as one that no longer reads would): nothing of OTHER's goes.
    await forgetUnwatched();
    expect(await signedInOriginsItem.getValue()).toEqual([ORIGIN, OTHER]);
    expect(await tenantChoicesItem.getValue()).toEqual({ [`${OTHER} tech_admin`]: choices });
  });
});
