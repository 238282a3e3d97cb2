import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import type { Browser } from './harness/extension.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { flagOpenListing, waitFor } from './harness/flows.ts';

// The hostile fixture: XSS payloads in title and seller, a 50 KB title with an RTL override
// and a spreadsheet formula, CSS aimed at our UI, patched prototypes, and a script that
// clicks our buttons and posts forged messages for four seconds after load.
const ITEM_ID = '666000000001';
const URL_ = `http://item.taobao.com/item.htm?id=${ITEM_ID}`;

describe('a hostile marketplace page gets nowhere', () => {
  let stack: Stack;
  let sandbox: Sandbox;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack({ routes: [{ host: 'item.taobao.com', path: '/item.htm', query: { id: ITEM_ID }, fixture: 'taobao/item-hostile.html' }], connected: true });
    ({ sandbox, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('ignores programmatic clicks and forged messages; nothing in the page runs; a real click flags it with the text intact but bounded', async () => {
    const page = await browser.context.newPage();
    await page.goto(URL_);
    await page.getByTestId('flag-listing').waitFor();
    // Let the page's script run all its attempts.
    await waitFor('the page script to finish', () => page.evaluate(() => (window as unknown as { __attempts: string[] }).__attempts.length > 40), 15_000);
    const attempts = await page.evaluate(() => (window as unknown as { __attempts: string[] }).__attempts);
    expect(attempts).toContain('click:flag-listing');
    // A click our UI accepted would have opened the form at once, long before the script ended.
    expect(await page.getByTestId('flag-reason').count()).toBe(0);
    const popupBefore = await browser.popup();
    await expect.poll(() => popupBefore.locator('body').textContent()).not.toContain('Loading');
    expect(await popupBefore.getByTestId('request-row').count()).toBe(0);
    await popupBefore.close();

    await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID, note: 'Real note from the user.' });
    const filed = await waitFor('the case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === ITEM_ID));
    // The real click's request is the only one: nothing the page forged was stored or sent
    // before it (the worker stores and sends in order, so anything earlier would show now).
    expect(sandbox.listCases()).toHaveLength(1);
    expect(sandbox.calls.filter((c) => c.method === 'POST' && c.path === '/v1/takedowns')).toHaveLength(1);
    const sent = filed.submission;
    // The real item and right, not what the page's patched JSON.parse or prototype said.
    expect(sent.listing.itemId).toBe(ITEM_ID);
    expect(sent.ipRightId).toBe(DEMO_TRADEMARK_ID);
    expect(sent.note).toBe('Real note from the user.');
    // Text kept as text: the markup is there literally, bounded, without bidi controls.
    expect(sent.listing.title.length).toBeLessThanOrEqual(500);
    expect(sent.listing.title.startsWith('<img src=x onerror="window.__pwned=\'title\'"> =HYPERLINK(')).toBe(true);
    expect(sent.listing.title).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(sent.listing.seller.name).toContain('<script>window.__pwned=\'seller-script\'</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();

    const popup = await browser.popup();
    const row = popup.locator(`[data-testid="request-row"][data-item-id="${ITEM_ID}"]`);
    await expect.poll(() => row.textContent()).toContain('<img src=x onerror=');
    expect(await popup.getByTestId('request-row').count()).toBe(1);
    expect(await row.locator('img, svg, script').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  });

  it('keeps the token out of storage that content scripts can read: only in the extension\'s IndexedDB', async () => {
    // Without the storage permission there is no chrome.storage a content script could read.
    expect(await browser.worker.evaluate(() => typeof chrome.storage)).toBe('undefined');
    const stored = await browser.worker.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const req = indexedDB.open('takedown-flagger');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const get = req.result.transaction('kv').objectStore('kv').get('settings');
            get.onsuccess = () => resolve(JSON.stringify(get.result));
          };
        }),
    );
    expect(stored).toContain(DEMO_TOKEN);
  });
});
