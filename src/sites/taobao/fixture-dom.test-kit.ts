import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';

// Test helper: Taobao's fixture pages (see ../fixture-dom.ts).
export const loadFixture = (name: string, url: string): Document => loadSiteFixture('taobao', name, url);
export const loadExpected = (name: string) => loadSiteExpected('taobao', name);
