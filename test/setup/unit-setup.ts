import 'fake-indexeddb/auto';
import { beforeEach, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createFakeChrome } from './fake-chrome.ts';
import { closeDbForTests } from '../../src/shared/db/open.ts';
import { installStrictDom } from './strict-dom.ts';

// `browser` (webextension-polyfill) is the current fake `chrome`, looked up on each access:
// the real polyfill would cache the first object it wrapped, and every test gets a new one.
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_target, prop) => (globalThis as any).chrome[prop] }),
}));

(globalThis as any).chrome = createFakeChrome();
installStrictDom();

beforeEach(async () => {
  // A fresh browser per test: new fake APIs and an empty IndexedDB.
  await closeDbForTests();
  (globalThis as any).indexedDB = new IDBFactory();
  (globalThis as any).chrome = createFakeChrome();
});
