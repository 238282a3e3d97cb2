import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness/stack.ts';
import { waitFor } from './harness/flows.ts';

// An extension update (here: chrome.runtime.reload, what an update does to open tabs)
// leaves the old content scripts running, cut off from the extension. They must stop and
// take their UI with them: no dead Flag button, no select boxes that cannot flag.

const ITEM = 'http://item.taobao.com/item.htm?id=637145790668';
const SEARCH = 'http://s.taobao.com/search?q=bag';

describe('an orphaned content script (extension updated, disabled or removed)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      grantAllUrls: false,
      routes: [
        { host: 'item.taobao.com', path: '/item.htm', fixture: 'taobao/item-ssr2025.html' },
        { host: 's.taobao.com', path: '/search', fixture: 'taobao/search-gen3.html' },
      ],
    });
  });
  afterAll(() => stack?.close());

  it('removes its UI within seconds once the extension reloads', async () => {
    const item = await stack.browser.context.newPage();
    await item.goto(ITEM);
    await item.getByTestId('flag-listing').waitFor({ timeout: 15_000 });
    const search = await stack.browser.context.newPage();
    await search.goto(SEARCH);
    await search.locator('[data-testid="select-listing"]').first().waitFor({ timeout: 15_000 });

    await stack.browser.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined); // the worker goes away mid-call
    for (const page of [item, search]) {
      await waitFor('the UI root to go', () => page.evaluate(() => document.querySelectorAll('tdf-root').length === 0), 5_000);
    }
    // Scrolling (new cards near the viewport) brings nothing back.
    await search.mouse.wheel(0, 3000);
    await search.waitForTimeout(1_500);
    expect(await search.evaluate(() => document.querySelectorAll('tdf-root').length)).toBe(0);
    expect(await item.evaluate(() => document.querySelectorAll('tdf-root').length)).toBe(0);
  });
});
