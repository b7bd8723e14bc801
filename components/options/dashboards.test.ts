/**
 * The list edits behind the options and first-run pages: what may be added, what each edit
 * stores, and that what is stored reads back as stored (the settings schema takes it; a value
 * it refused would read back as the default).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '@/lib/storage/settings';
import { SETTING_BOUNDS } from '@/lib/storage/settings-shape';
import {
  addDashboard, checkNewDashboard, chooseDashboard, removeDashboard, renameDashboard, tidyName, withAdded, withRemoved,
} from '@/components/options/dashboards';

const PROD = 'https://agile.example.com';
const STAGING = 'https://staging.example.com:8443';

const settingsWith = (change: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...change });
const tenantBudget = (origin: string) => ({ origin, tenantId: 'BELGO-001', budgetCents: 3000, budgetLevels: null });

/** The stored value as it is in storage, and as the settings item reads it back. */
async function storedAndRead(): Promise<{ raw: unknown; read: Settings }> {
  const raw = (await fakeBrowser.storage.local.get('settings'))['settings'];
  return { raw, read: await settingsItem.getValue() };
}

beforeEach(() => fakeBrowser.reset());

describe('checkNewDashboard', () => {
  const two = settingsWith({ dashboards: [{ name: 'Produção', origin: PROD }], dashboardOrigin: PROD });

  it('takes an address as the options always did: its origin (http when none is said), http(s) only', () => {
    expect(checkNewDashboard(two, 'staging.example.com:8443/kanban')).toEqual({ ok: true, origin: 'http://staging.example.com:8443' });
    expect(checkNewDashboard(two, 'https://staging.example.com:8443/kanban')).toEqual({ ok: true, origin: STAGING });
    expect(checkNewDashboard(two, 'ftp://agile.example.com')).toEqual({ ok: false, why: 'invalid' });
    expect(checkNewDashboard(two, '   ')).toEqual({ ok: false, why: 'invalid' });
  });

  it('refuses an origin already listed, the chosen one not yet in the stored list included', () => {
    expect(checkNewDashboard(two, `${PROD}/board`)).toEqual({ ok: false, why: 'duplicate', origin: PROD });
    // dashboards [] watches the default address alone (dashboardsOf).
    expect(checkNewDashboard(DEFAULT_SETTINGS, 'localhost:9001')).toEqual({ ok: false, why: 'duplicate', origin: 'http://localhost:9001' });
  });

  it(`refuses an eleventh: at most ${SETTING_BOUNDS.dashboardCount.max}`, () => {
    const dashboards = Array.from({ length: SETTING_BOUNDS.dashboardCount.max }, (_, i) => ({ name: '', origin: `https://d${i}.example.com` }));
    const full = settingsWith({ dashboards, dashboardOrigin: dashboards[0]!.origin });
    expect(checkNewDashboard(full, 'https://another.example.com')).toEqual({ ok: false, why: 'full', origin: 'https://another.example.com' });
    expect(withAdded(full, { name: '', origin: 'https://another.example.com' })).toBe('full');
  });
});

describe('tidyName', () => {
  it('tidies spaces, keeps it within its bound, and takes the address itself for no name', () => {
    expect(tidyName('  Produção   SP ', PROD)).toBe('Produção SP');
    expect(tidyName('x'.repeat(80), PROD)).toHaveLength(SETTING_BOUNDS.dashboardName.max);
    expect(tidyName(PROD, PROD)).toBe('');
    expect(tidyName('agile.example.com', PROD)).toBe('');
  });
});

describe('withRemoved', () => {
  const three = settingsWith({
    dashboards: [{ name: 'A', origin: 'https://a.example.com' }, { name: 'B', origin: 'https://b.example.com' }, { name: 'C', origin: 'https://c.example.com' }],
    dashboardOrigin: 'https://b.example.com',
    tenantBudgets: [tenantBudget('https://b.example.com'), tenantBudget('https://c.example.com')],
  });

  it('removing the chosen one chooses the one after it, else the one before, else none', () => {
    const afterB = withRemoved(three, 'https://b.example.com');
    expect(afterB.dashboardOrigin).toBe('https://c.example.com');
    const afterC = withRemoved(afterB, 'https://c.example.com');
    expect(afterC.dashboardOrigin).toBe('https://a.example.com');
    const none = withRemoved(afterC, 'https://a.example.com');
    expect(none).toMatchObject({ dashboards: [], dashboardOrigin: '' });
  });

  it('removing another keeps the choice, and drops the tenant budgets kept under the removed one only', () => {
    const afterC = withRemoved(three, 'https://c.example.com');
    expect(afterC.dashboardOrigin).toBe('https://b.example.com');
    expect(afterC.tenantBudgets).toEqual([tenantBudget('https://b.example.com')]);
  });
});

describe('stored through settingsItem', () => {
  it('add, rename, choose and remove each store the whole list, as the schema takes it', async () => {
    await settingsItem.setValue(settingsWith({ dashboards: [], dashboardOrigin: PROD }));

    expect(await addDashboard({ origin: STAGING, name: '  Homologação  ' })).toBeNull();
    let { raw, read } = await storedAndRead();
    expect(read).toEqual(raw);
    // The chosen one, kept outside the stored list until now, is written into it; the new one is chosen.
    expect(read).toMatchObject({ dashboards: [{ name: '', origin: PROD }, { name: 'Homologação', origin: STAGING }], dashboardOrigin: STAGING });

    expect(await addDashboard({ origin: PROD, name: '' })).toBe('duplicate');
    await renameDashboard(PROD, 'Produção '.repeat(10));
    await chooseDashboard(PROD);
    ({ raw, read } = await storedAndRead());
    expect(read).toEqual(raw);
    expect(read.dashboards[0]).toEqual({ name: 'Produção '.repeat(10).trim().slice(0, SETTING_BOUNDS.dashboardName.max).trim(), origin: PROD });
    expect(read.dashboardOrigin).toBe(PROD);

    await removeDashboard(PROD);
    ({ raw, read } = await storedAndRead());
    expect(read).toEqual(raw);
    expect(read).toMatchObject({ dashboards: [{ name: 'Homologação', origin: STAGING }], dashboardOrigin: STAGING });
    await removeDashboard(STAGING);
    expect(await settingsItem.getValue()).toMatchObject({ dashboards: [], dashboardOrigin: '' });
  });
});
