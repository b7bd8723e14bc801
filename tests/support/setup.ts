import '@testing-library/jest-dom/vitest';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

// Every test starts from an empty fake browser: no storage, no listeners left from the last one.
beforeEach(() => {
  fakeBrowser.reset();
});
