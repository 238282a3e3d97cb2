import './shifted-clock.ts';
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createFakeChrome } from './fake-chrome.ts';
import { closeDbForTests } from '../../src/shared/db/open.ts';
import { installStrictDom } from './strict-dom.ts';

(globalThis as any).chrome = createFakeChrome();
installStrictDom();

beforeEach(async () => {
  // A fresh browser per test: new fake APIs and an empty IndexedDB.
  await closeDbForTests();
  (globalThis as any).indexedDB = new IDBFactory();
  (globalThis as any).chrome = createFakeChrome();
});
