import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SCRIPT_ID, syncDashboardRegistration } from '@/lib/background/dashboard-registration';
import { originPattern } from '@/lib/origin-permission';

// The fake browser has no scripting or permissions API: a small in-memory stand-in.
let registered: { id: string; matches: string[] }[];
let granted: Set<string>;

beforeEach(() => {
  registered = [];
  granted = new Set();
  (browser as any).scripting = {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id))),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => { registered = registered.filter((s) => !ids.includes(s.id)); }),
    registerContentScripts: vi.fn(async (scripts: { id: string; matches: string[] }[]) => { registered.push(...scripts); }),
  };
  (browser as any).permissions = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => { origins.forEach((o) => granted.delete(o)); return true; }),
  };
});

describe('syncDashboardRegistration', () => {
  it('registers the content script on a granted dashboard origin, without its port', async () => {
    granted.add('https://dash.example.com/*');
    await syncDashboardRegistration('https://dash.example.com:8443');
    expect(registered).toEqual([expect.objectContaining({ id: SCRIPT_ID, matches: ['https://dash.example.com/*'] })]);
  });

  it('registers nothing for localhost (the manifest covers it) or an origin not granted', async () => {
    await syncDashboardRegistration('http://localhost:9001');
    await syncDashboardRegistration('https://not-granted.example.com');
    expect(registered).toEqual([]);
  });

  it('moving to another address removes the old registration and the old permission', async () => {
    granted.add('https://old.example.com/*');
    await syncDashboardRegistration('https://old.example.com');
    await syncDashboardRegistration('http://localhost:9001', 'https://old.example.com');
    expect(registered).toEqual([]);
    expect(granted.has(originPattern('https://old.example.com'))).toBe(false);
  });

  it('syncs asked for at once run one after the other: never two registrations', async () => {
    // An address change and the permission change it causes both ask for a sync.
    granted.add('https://dash.example.com/*');
    await Promise.all([syncDashboardRegistration('https://dash.example.com'), syncDashboardRegistration('https://dash.example.com')]);
    expect(registered).toHaveLength(1);
  });
});
