import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SCRIPT_ID, syncDashboardRegistration } from '@/lib/dashboard/registration';
import { originPattern } from '@/lib/dashboard/permission';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/storage/settings';

/** The address saved, then the sync that follows it (as the background's watch runs it). */
async function moveTo(origin: string, previousOrigin?: string): Promise<void> {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, dashboardOrigin: origin });
  await syncDashboardRegistration(previousOrigin ? [previousOrigin] : []);
}

// The fake browser has no scripting or permissions API: a small in-memory stand-in. Granted
// patterns carry no port, and cover every port of their host (as in Chromium and Firefox).
let registered: { id: string; matches: string[] }[];
let granted: Set<string>;
const BUILT_IN = ['http://localhost/*', 'http://127.0.0.1/*'];

beforeEach(() => {
  registered = [];
  granted = new Set(BUILT_IN);
  (browser as any).scripting = {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id))),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      registered = registered.filter((s) => !ids.includes(s.id));
    }),
    registerContentScripts: vi.fn(async (scripts: { id: string; matches: string[] }[]) => {
      if (scripts.some((s) => registered.some((r) => r.id === s.id))) throw new Error(`Duplicate script ID '${SCRIPT_ID}'`);
      registered.push(...scripts);
    }),
  };
  (browser as any).permissions = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.filter((o) => !BUILT_IN.includes(o)).forEach((o) => granted.delete(o));
      return true;
    }),
  };
});

const matches = () => registered.flatMap((s) => s.matches);

describe('syncDashboardRegistration', () => {
  it('registers the overlay for exactly the configured origin, port included', async () => {
    granted.add('https://dash.example.com/*');
    await moveTo('https://dash.example.com:8443');
    expect(registered).toEqual([expect.objectContaining({ id: SCRIPT_ID, matches: ['https://dash.example.com:8443/*'] })]);
  });

  it('runs it from the first byte of the page: the session is reported while the page builds', async () => {
    await moveTo('http://localhost:9001');
    expect(registered).toEqual([expect.objectContaining({ runAt: 'document_start', js: ['content-scripts/dashboard.js'] })]);
  });

  it('a registration an earlier version left at another run time is made again', async () => {
    registered.push({ id: SCRIPT_ID, matches: ['http://localhost:9001/*'], runAt: 'document_idle' } as never);
    await moveTo('http://localhost:9001');
    expect(registered).toEqual([expect.objectContaining({ matches: ['http://localhost:9001/*'], runAt: 'document_start' })]);
  });

  it('the default (localhost) origin too: another local app on another port never runs it', async () => {
    await moveTo('http://localhost:9001');
    expect(matches()).toEqual(['http://localhost:9001/*']);
  });

  it('registers nothing on an origin not granted, and drops a registration whose grant went', async () => {
    await moveTo('https://not-granted.example.com');
    expect(registered).toEqual([]);
    granted.add('https://dash.example.com/*');
    await moveTo('https://dash.example.com');
    granted.delete('https://dash.example.com/*');
    await moveTo('https://dash.example.com');
    expect(registered).toEqual([]);
  });

  it('moving to another address removes the old registration and the old permission', async () => {
    granted.add('https://old.example.com/*');
    await moveTo('https://old.example.com');
    await moveTo('http://localhost:9001', 'https://old.example.com');
    expect(matches()).toEqual(['http://localhost:9001/*']);
    expect(granted.has(originPattern('https://old.example.com'))).toBe(false);
  });

  it('a change of port keeps the permission the new address needs', async () => {
    granted.add('https://dash.example.com/*');
    await moveTo('https://dash.example.com:9001');
    await moveTo('https://dash.example.com:9002', 'https://dash.example.com:9001');
    expect(granted.has('https://dash.example.com/*')).toBe(true);
    expect(matches()).toEqual(['https://dash.example.com:9002/*']);
  });

  it('a sync repairs a missing registration (a permission granted again), and leaves a good one alone', async () => {
    await moveTo('http://localhost:9001');
    registered = [];
    await moveTo('http://localhost:9001', 'http://localhost:9001');
    expect(matches()).toEqual(['http://localhost:9001/*']);
    const register = vi.mocked(browser.scripting.registerContentScripts);
    register.mockClear();
    await moveTo('http://localhost:9001');
    expect(register).not.toHaveBeenCalled();
  });

  it('syncs fired together end with one registration, for the address stored last', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, dashboardOrigin: 'http://localhost:9001' });
    const first = syncDashboardRegistration();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, dashboardOrigin: 'http://localhost:9002' });
    await Promise.all([first, syncDashboardRegistration(['http://localhost:9001']), syncDashboardRegistration()]);
    expect(matches()).toEqual(['http://localhost:9002/*']);
  });

  it('several dashboards: one registration for every granted one; a removed one loses its grant, unless another still needs it', async () => {
    granted.add('https://prod.example.com/*').add('https://staging.example.com/*');
    const dashboards = (...origins: string[]) => origins.map((origin) => ({ name: '', origin }));
    const watch = async (list: ReturnType<typeof dashboards>, left: string[] = []) => {
      await settingsItem.setValue({ ...DEFAULT_SETTINGS, dashboards: list, dashboardOrigin: list[0]?.origin ?? '' });
      await syncDashboardRegistration(left);
    };
    await watch(dashboards('https://prod.example.com', 'https://staging.example.com:8443', 'https://not-granted.example.com'));
    expect(matches().toSorted()).toEqual(['https://prod.example.com/*', 'https://staging.example.com:8443/*']);
    await watch(dashboards('https://prod.example.com', 'https://prod.example.com:9443'), ['https://staging.example.com:8443']);
    expect(granted.has('https://staging.example.com/*')).toBe(false);
    expect(matches().toSorted()).toEqual(['https://prod.example.com/*', 'https://prod.example.com:9443/*']);
    // The same host on another port still needs the grant the removed one had.
    await watch(dashboards('https://prod.example.com:9443'), ['https://prod.example.com']);
    expect(granted.has('https://prod.example.com/*')).toBe(true);
    await watch([], ['https://prod.example.com:9443']);
    expect(registered).toEqual([]);
    expect(granted.has('https://prod.example.com/*')).toBe(false);
  });
});
