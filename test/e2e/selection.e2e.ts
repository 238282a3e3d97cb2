import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server.ts';
import { DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import { generateSearchPage } from '../../bench/generate-page.ts';
import type { Browser } from './harness/extension.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { seedRequests, storeRecords, waitFor, waitForCaptures } from './harness/flows.ts';
import { makeRecord } from '../unit/records.ts';
import { deflateSync } from 'node:zlib';
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
const STOP = 'http://s.taobao.com/search?q=stop';
const STOP_COUNT = 200;
const STOP_FIRST = 820000000001;
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

type StoredRequest = { listing: { itemId: string }; page: { url: string }; evidenceGaps: { code: string }[]; evidence: { kind: string }[]; outbox: { state: string } };

/** The requests this device holds for an item (a "flag again" makes a second one). */
const requestsFor = async (browser: Browser, itemId: string) =>
  (await storeRecords<StoredRequest>(browser, 'requests')).filter((r) => r.listing.itemId === itemId).map((r) => ({ page: r.page.url, gaps: r.evidenceGaps.map((g) => g.code) }));

// Every search and shop fixture with its own card size (narrow Lazada and AliExpress cards included).
const LAYOUT = ['taobao/search-gen1', 'taobao/search-gen2', 'taobao/search-gen3', 'taobao/shop-new', 'taobao/shop-old', 'tmall/search-2017', 'lazada/search-pagedata', 'lazada/search-loadmore', 'aliexpress/search-2024', 'aliexpress/search-2025list', '1688/search-2024', '1688/shop-offerlist2024'].map((name) => {
  const expected = JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../fixtures/${name}.expected.json`), 'utf8')) as {
    url: string;
    cards: { marketplace: string; itemId: string; url: string; title: string; price: { amount: string; currency: string } | null; seller: { name: string; id: string | null; shopUrl: string | null } }[];
  };
  const url = new URL(expected.url.replace(/^https:/, 'http:'));
  url.searchParams.set('fixture', name);
  return { name, url: url.href, cards: expected.cards };
});

/** A real, decodable grey PNG (8-bit greyscale), standing in for a product photo. */
function greyPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const head = Buffer.alloc(13);
  head.writeUInt32BE(width, 0);
  head.writeUInt32BE(height, 4);
  head[8] = 8; // bit depth
  head[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xc8);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte per row
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', head), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Measured in the page, for every card of `items`: our card UI's parts, and whether any
 * wraps (more than one line), is squeezed (narrower than three characters: the "one letter
 * per line" failure), covers the card's title or price text, or ignores the colour scheme.
 */
function measureCards(items: { itemId: string; title: string; price: string | null }[]) {
  const shadow = document.querySelector('tdf-root')!.shadowRoot!;
  // Text leaves (elements whose own children do not hold the text), outside our UI.
  const all = [...document.body.querySelectorAll<HTMLElement>('*')].filter((el) => !['tdf-root', 'script', 'style'].includes(el.localName)).map((el) => [el, el.textContent ?? ''] as const);
  const leaves = (has: (text: string) => boolean) => all.filter(([el, text]) => has(text) && ![...el.children].some((c) => has(c.textContent ?? ''))).map(([el]) => el);
  const rectOf = (el: Element) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return r.getBoundingClientRect();
  };
  const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const problems: string[] = [];
  let measured = 0;
  let background = '';
  for (const item of items) {
    const ui = shadow.querySelector(`[data-testid="select-listing"][data-item-id="${item.itemId}"]`)?.parentElement;
    if (!ui) {
      problems.push(`${item.itemId}: no card UI`);
      continue;
    }
    const origin = ui.getBoundingClientRect();
    const near = (el: Element) => {
      const r = rectOf(el);
      return Math.hypot(r.left - origin.left, r.top - origin.top);
    };
    // The card's own title and price: the nearest text of each to the card's UI.
    const prefix = item.title.slice(0, 8);
    const title = leaves((t) => t.includes(prefix)).sort((a, b) => near(a) - near(b))[0];
    const whole = item.price?.split('.')[0]?.replace(/\B(?=(\d{3})+$)/g, ',?');
    const priceText = whole ? new RegExp(`^\\D{0,4}${whole}(\\.\\d+)?\\D{0,4}$`) : null;
    const price = priceText ? leaves((t) => priceText.test(t.trim())).sort((a, b) => near(a) - near(b))[0] : undefined;
    const parts = [...ui.querySelectorAll<HTMLElement>('.status, .repeat, .again, input, .menu')].filter((el) => !el.closest('[hidden]') && el.getClientRects().length);
    for (const el of parts) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4;
      const name = `${item.itemId} ${el.className || el.localName}`;
      if (el.localName !== 'input' && r.height > line * 1.6 + 8) problems.push(`${name}: ${Math.round(r.height)} px tall, wraps`);
      if (el.localName !== 'input' && el.className !== 'menu' && r.width < parseFloat(style.fontSize) * 3) problems.push(`${name}: ${Math.round(r.width)} px wide, squeezed`);
      for (const [what, text] of [['title', title], ['price', price]] as const) {
        if (text && overlaps(r, rectOf(text))) problems.push(`${name}: covers the ${what} "${(text.textContent ?? '').trim().slice(0, 20)}"`);
      }
      if (el.classList.contains('status')) background = style.backgroundColor;
    }
    if (!title) problems.push(`${item.itemId}: title not found on the page`);
    if (item.price && !price) problems.push(`${item.itemId}: price not found on the page`);
    measured += parts.length;
  }
  return { problems, measured, background };
}

describe('selecting on search pages', () => {
  let stack: Stack;
  let sandbox: Sandbox;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack({
      routes: [
        { host: 's.taobao.com', path: '/search', query: { q: 'big' }, html: generateSearchPage(340) },
        { host: 's.taobao.com', path: '/search', query: { q: 'stop' }, html: generateSearchPage(STOP_COUNT, STOP_FIRST) },
        // The more specific route first: page 2 of the same search.
        { host: 's.taobao.com', path: '/search', query: { q: 'paged', s: '44' }, html: generateSearchPage(12, Number(pagedId(2, 1))) },
        { host: 's.taobao.com', path: '/search', query: { q: 'paged' }, html: generateSearchPage(12, Number(pagedId(1, 1))) },
        { host: 'www.lazada.com.my', path: LAZADA_PATH, fixture: 'lazada/search-pagedata.html' },
        ...LAYOUT.map((f) => ({ host: new URL(f.url).hostname, path: new URL(f.url).pathname, query: { fixture: f.name }, fixture: `${f.name}.html` })),
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

  it('Taobao, 200 cards: Stop midway (from the popup) keeps what is stored with its screenshots, and the rest go with the gap said', async () => {
    const page = await browser.context.newPage();
    await page.bringToFront();
    await page.goto(STOP);
    await box(page, String(STOP_FIRST)).click();
    await page.getByTestId('select-all-visible').click();
    await expect.poll(() => count(page)).toBe(String(STOP_COUNT));
    await flagSelection(page, 'stopped');
    const progress = page.getByTestId('batch-progress');
    await expect.poll(() => progress.getAttribute('data-total'), { timeout: 15_000 }).toBe(String(STOP_COUNT));
    // Chrome allows about two screenshots a second: 200 cards take far longer than the first step of 20.
    await expect.poll(async () => Number(await progress.getAttribute('data-done')), { timeout: 60_000 }).toBeGreaterThan(0);
    // The page's own Stop is hidden with our UI while a step is captured; the popup's is not.
    const popup = await browser.popup();
    const bar = popup.getByTestId('capturing-summary');
    await expect.poll(async () => Number(await bar.getAttribute('data-capturing')), { timeout: 15_000 }).toBeGreaterThan(0);
    await bar.getByTestId('stop-captures').click();
    await waitForCaptures(browser);
    await expect.poll(() => popup.getByTestId('capturing-summary').textContent(), { timeout: 15_000 }).toContain('Stopped');
    await popup.close();
    const gaps = (await storeRecords<StoredRequest>(browser, 'requests'))
      .filter((r) => Number(r.listing.itemId) >= STOP_FIRST)
      .map((r) => ({ stopped: r.evidenceGaps.some((g) => g.code === 'capture_stopped'), shot: r.evidence.some((e) => e.kind === 'screenshot'), state: r.outbox.state }));
    // Every listing is stored and none is left capturing; those captured before the stop keep
    // their screenshots, and the rest say the capture was stopped.
    expect(gaps).toHaveLength(STOP_COUNT);
    expect(gaps.filter((g) => g.state === 'capturing')).toEqual([]);
    const kept = gaps.filter((g) => !g.stopped);
    expect(kept.length).toBeGreaterThan(0);
    expect(gaps.length - kept.length).toBeGreaterThan(0);
    expect(kept.every((g) => g.shot)).toBe(true);
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

  it('badges and the toolbar keep their layout on every card size, follow dark mode, and never cover a card\'s title or price', async () => {
    // Every card has a request (status, "flag again") and a repeat seller (a second request of its seller).
    const records = LAYOUT.flatMap((f) =>
      f.cards.flatMap((c) => [
        makeRecord({ listing: c as never, caseId: `TD-${c.itemId}`, caseStatus: 'counter_notice', slaDueAt: new Date(Date.now() + 30 * 3600_000).toISOString(), outbox: { state: 'submitted' } }),
        makeRecord({ listing: { ...(c as object), itemId: `${c.itemId}9` } as never, outbox: { state: 'submitted' }, caseId: `TD-${c.itemId}9`, caseStatus: 'in_review' }),
      ]),
    );
    const popup = await browser.popup();
    await seedRequests(popup, records);
    await popup.close();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 3000 }); // every card near the viewport at once
    // The product photos load as they do online (their hosts are not reachable here): a card
    // without its photo is a different, much shorter card.
    const photo = greyPng(230, 230); // the size Taobao serves in its result grids (_230x230.jpg)
    await page.route(/\.(jpe?g|png|webp|gif)(_[^/]*)?(\?.*)?$/i, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: photo }));
    const report: string[] = [];
    for (const f of LAYOUT) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(f.url);
      const first = f.cards[0]!.itemId;
      await page.locator(`[data-testid="listing-status"][data-item-id="${first}"]`).waitFor({ timeout: 15_000 });
      await page.locator(`[data-testid="seller-mark"]`).first().waitFor({ timeout: 15_000 });
      // The toolbar too, on this page's width.
      await page.locator(`[data-testid="card-flag-again"][data-item-id="${first}"]`).click();
      const items = f.cards.map((c) => ({ itemId: c.itemId, title: c.title, price: c.price?.amount ?? null }));
      // The same page in both colour schemes (the stylesheet follows the media query live).
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const toolbar = await page.getByTestId('batch-toolbar').evaluate((el) => {
          const lines = [...el.querySelectorAll('button')].map((b) => b.getBoundingClientRect().height);
          return { tallest: Math.max(...lines), font: parseFloat(getComputedStyle(el.querySelector('button')!).fontSize) };
        });
        if (toolbar.tallest > toolbar.font * 1.45 * 2 + 14) report.push(`${f.name} ${scheme}: a toolbar button wraps beyond two lines (${toolbar.tallest} px)`);
        const m = await page.evaluate(measureCards, items);
        expect(m.measured, f.name).toBeGreaterThan(items.length * 3);
        report.push(...m.problems.map((p) => `${f.name} ${scheme}: ${p}`));
        const rgb = /rgba?\((\d+), (\d+), (\d+)/.exec(m.background);
        const lightness = rgb ? (Number(rgb[1]) + Number(rgb[2]) + Number(rgb[3])) / 3 : -1;
        if (scheme === 'dark' ? lightness > 90 : lightness < 160) report.push(`${f.name} ${scheme}: status background ${m.background}`);
      }
    }
    expect(report).toEqual([]);
    await page.close();
  });
});
