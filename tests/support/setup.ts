import '@testing-library/jest-dom/vitest';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

// jsdom has no Web Locks (lib/storage/stored-item.ts serially): the same exclusive queue per name.
// Suites in Node's own environment (no navigator) use no stored item.
const held = new Map<string, Promise<unknown>>();
if (globalThis.navigator) Object.defineProperty(navigator, 'locks', {
  configurable: true,
  value: {
    request(name: string, task: () => Promise<unknown>): Promise<unknown> {
      const run = (held.get(name) ?? Promise.resolve()).then(() => task());
      held.set(name, run.catch(() => undefined));
      return run;
    },
  },
});

// Every test starts from an empty fake browser: no storage, no listeners left from the last one.
beforeEach(() => {
  fakeBrowser.reset();
});
