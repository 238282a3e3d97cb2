import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server.ts';
import { DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import { generateSearchPage } from '../../bench/generate-page.ts';
import type { Browser } from './harness/extension.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { waitFor, waitForCaptures } from './harness/flows.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Selecting at an IP agent's scale on search pages (issue #14) and cards that follow their
// requests live (issue #12), in the built extension: one stack for the whole file.

const BIG = 'http://s.taobao.com/search?q=big';
const PAGED_1 = 'http://s.taobao.com/search?q=paged&tab=all';
const PAGED_2 = 'http://s.taobao.com/search?q=paged&tab=all&s=44';
const LAZADA_PATH = '/catalog/';
const lazada = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/lazada/search-pagedata.expected.json'), 'utf8')) as { cards: { itemId: string }[] };
const LAZADA_SEARCH = `http://www.lazada.com.my${LAZADA_PATH}?q=running%20shoes`;

const id = (n: number) => String(800000000000 + n);
const pagedId = (page: number, n: number) => String(810000000000 + page * 1000 + n);
const box = (page: Page, itemId: string) => page.locator(`[data-testid="select-listing"][data-item-id="${itemId}"]`);
const status = (page: Page, itemId: string) => page.locator(`[data-testid="listing-status"][data-item-id="${itemId}"]`);
const count = (page: Page) => page.getByTestId('batch-toolbar').getAttribute('data-count');

async function flagSelection(page: Page, note: string) {
  await page.getByTestId('flag-selected').click();
  await page.getByTestId('flag-ip-right').selectOption(DEMO_TRADEMARK_ID);
  await page.getByTestId('flag-note').fill(note);
  await page.getByTestId('flag-submit').click();
}

/** The requests this device holds for an item (a "flag again" makes a second one). */
const requestsFor = async (browser: Browser, itemId: string) =>
  (await browser.liveWorker()).evaluate(async (item) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('takedown-flagger');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<{ listing: { itemId: string }; page: { url: string }; evidenceGaps: { code: string }[] }[]>((resolve, reject) => {
      const req = database.transaction('requests').objectStore('requests').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    database.close();
    return all.filter((r) => r.listing.itemId === item).map((r) => ({ page: r.page.url, gaps: r.evidenceGaps.map((g) => g.code) }));
  }, itemId);

describe('selecting on search pages', () => {
  let stack: Stack;
  let sandbox: Sandbox;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack({
      routes: [
        { host: 's.taobao.com', path: '/search', query: { q: 'big' }, html: generateSearchPage(340) },
        // The more specific route first: page 2 of the same search.
        { host: 's.taobao.com', path: '/search', query: { q: 'paged', s: '44' }, html: generateSearchPage(12, Number(pagedId(2, 1))) },
        { host: 's.taobao.com', path: '/search', query: { q: 'paged' }, html: generateSearchPage(12, Number(pagedId(1, 1))) },
        { host: 'www.lazada.com.my', path: LAZADA_PATH, fixture: 'lazada/search-pagedata.html' },
      ],
      connected: true,
    });
    ({ sandbox, browser } = stack);
  });
  afterAll(() => stack?.close());

  it('Lazada: a shift-click selects the range of 20 cards since the last box clicked', async () => {
    const page = await browser.context.newPage();
    await page.goto(LAZADA_SEARCH);
    const ids = lazada.cards.map((c) => c.itemId);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    await box(page, ids[0]!).click();
    await box(page, ids[19]!).click({ modifiers: ['Shift'] });
    await expect.poll(() => count(page)).toBe('20');
    // A clearing click, then a shift-click, clears that range (as file managers do).
    await box(page, ids[9]!).click();
    await box(page, ids[5]!).click({ modifiers: ['Shift'] });
    await expect.poll(() => count(page)).toBe('15');
    await page.close();
  });

  it('Taobao, 340 cards: flagged cards show their status live, are skipped by ranges and "select all visible", and can be flagged again', async () => {
    const page = await browser.context.newPage();
    await page.goto(BIG);
    await box(page, id(3)).click();
    await flagSelection(page, 'first');
    // batch-progress follows the capture to done = total.
    const progress = page.getByTestId('batch-progress');
    await expect.poll(() => progress.getAttribute('data-total'), { timeout: 15_000 }).toBe('1');
    await expect.poll(() => progress.getAttribute('data-done'), { timeout: 30_000 }).toBe('1');
    await waitForCaptures(browser);
    // The card's status follows the request without a reload: capturing → queued → received.
    await expect.poll(() => status(page, id(3)).getAttribute('data-state'), { timeout: 30_000 }).toBe('received');
    const filed = await waitFor('the case of card 3', () => sandbox.listCases().find((c) => c.itemId === id(3)));

    // A shift-click range of 20 skips the card that has a request.
    await box(page, id(1)).click();
    await page.locator(`[id="item_id_${id(20)}"]`).scrollIntoViewIfNeeded(); // the user scrolls down to it
    await box(page, id(20)).click({ modifiers: ['Shift'] });
    await expect.poll(() => count(page)).toBe('19');
    expect(await box(page, id(3)).isChecked()).toBe(false);
    expect(await box(page, id(3)).isDisabled()).toBe(true);
    // Every loaded card, not only those on screen, but not the one already flagged.
    await page.getByTestId('select-all-visible').click();
    await expect.poll(() => count(page)).toBe('339');
    await page.getByTestId('clear-selection').click();
    await expect.poll(() => page.getByTestId('batch-toolbar').count()).toBe(0);

    // The alliance decides: the card says so while the page stays open, never reloaded. (The
    // popup opening asks the service for fresh statuses at once, instead of the minute's poll.)
    sandbox.setCaseStatus(filed.caseId, 'taken_down');
    const popup = await browser.popup();
    await expect.poll(() => popup.locator(`[data-testid="request-row"][data-item-id="${id(3)}"]`).getAttribute('data-state'), { timeout: 30_000 }).toBe('taken_down');
    await popup.close();
    await page.bringToFront();
    await expect.poll(() => status(page, id(3)).getAttribute('data-state'), { timeout: 15_000 }).toBe('taken_down');

    // "Flag again" for that card: it is selected, and filed as a second request.
    await page.locator(`[data-testid="card-flag-again"][data-item-id="${id(3)}"]`).click();
    await expect.poll(() => count(page)).toBe('1');
    expect(await box(page, id(3)).isChecked()).toBe(true);
    await flagSelection(page, 'again');
    await expect.poll(() => progress.getAttribute('data-done'), { timeout: 30_000 }).toBe('1');
    await waitForCaptures(browser);
    expect(await requestsFor(browser, id(3))).toHaveLength(2);
    await page.close();
  });

  it('Taobao: the selection is kept across result pages of the same search and flagged together', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGED_1);
    await box(page, pagedId(1, 1)).click();
    await box(page, pagedId(1, 2)).click();
    await expect.poll(() => count(page)).toBe('2');
    await page.goto(PAGED_2); // the next result page, a full navigation
    await expect.poll(() => count(page), { timeout: 15_000 }).toBe('2');
    await box(page, pagedId(2, 5)).click();
    await expect.poll(() => count(page)).toBe('3');
    await flagSelection(page, 'two pages');
    const progress = page.getByTestId('batch-progress');
    await expect.poll(() => progress.getAttribute('data-total'), { timeout: 15_000 }).toBe('3');
    await expect.poll(() => progress.getAttribute('data-done'), { timeout: 30_000 }).toBe('3');
    await waitForCaptures(browser);
    const items = [pagedId(1, 1), pagedId(1, 2), pagedId(2, 5)];
    await waitFor('three cases', () => (items.every((i) => sandbox.listCases().some((c) => c.itemId === i)) ? true : null));
    // Page 1's listings record the page they were selected on, and why their card has no screenshot.
    expect(await requestsFor(browser, pagedId(1, 1))).toEqual([{ page: PAGED_1, gaps: expect.arrayContaining(['card_on_earlier_page']) }]);
    expect((await requestsFor(browser, pagedId(2, 5)))[0]!.gaps).not.toContain('card_on_earlier_page');
    // Flagged: the selection is gone, on this page and on the earlier one.
    expect(await page.getByTestId('batch-toolbar').count()).toBe(0);
    await page.goto(PAGED_1);
    await box(page, pagedId(1, 3)).waitFor({ timeout: 15_000 });
    await expect.poll(() => status(page, pagedId(1, 1)).getAttribute('data-state'), { timeout: 15_000 }).not.toBeNull();
    expect(await page.getByTestId('batch-toolbar').count()).toBe(0);
    await page.close();
  });
});
