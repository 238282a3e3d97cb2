import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import type { Listing } from '../../src/shared/model.ts';
import { siteFor } from '../../src/sites/definitions.ts';
import type { Route } from './harness/fixture-server.ts';
import { configureApi, flagOpenListing, waitFor } from './harness/flows.ts';
import { startStack, type Stack } from './harness/stack.ts';

// Every committed fixture with a sidecar, opened at its marketplace address in Chromium with
// the built extension: what the unit tests read in happy-dom must also hold in the browser
// our users run. A fixture joins by being committed: `<kind>-<generation>.html` beside
// `<kind>-<generation>.expected.json` (its `url`; item pages their `listing`, search and shop
// pages `itemIds` or `cards`: the cards that must get a select box, ads excluded).

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

interface Sidecar {
  url: string;
  listing?: Listing;
  itemIds?: string[];
  cards?: Listing[];
  /** A button the page appends more cards with (their boxes are then expected too). */
  loadMore?: { button: string; itemIds: string[] };
}

interface Entry {
  name: string;
  file: string;
  url: URL;
  kind: 'item' | 'search' | 'shop';
  sidecar: Sidecar;
}

function committedFixtures(): Entry[] {
  const out: Entry[] = [];
  for (const dir of readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(path.join(FIXTURES, dir.name)).filter((n) => n.endsWith('.expected.json')).sort()) {
      const html = f.replace(/\.expected\.json$/, '.html');
      const sidecar = JSON.parse(readFileSync(path.join(FIXTURES, dir.name, f), 'utf8')) as Sidecar;
      const url = new URL(sidecar.url);
      const kind = siteFor(url)?.pageKind(url);
      if (kind !== 'item' && kind !== 'search' && kind !== 'shop') throw new Error(`${dir.name}/${f}: ${sidecar.url} is not an item, search or shop page of any site`);
      // The fixture server speaks plain http; the match patterns cover both schemes.
      url.protocol = 'http:';
      out.push({ name: `${dir.name}/${html}`, file: `${dir.name}/${html}`, url, kind, sidecar });
    }
  }
  return out;
}

const entries = committedFixtures();
/** One search or shop page per site also files a card, field by field (flags are the slow part). */
const flagsACard = new Set(
  [...new Map(entries.filter((e) => e.kind !== 'item' && e.sidecar.cards?.length).map((e) => [e.name.split('/')[0], e.name] as const)).values()],
);
const routeOf = (e: Entry): Route => ({ host: e.url.hostname, path: e.url.pathname, query: Object.fromEntries(e.url.searchParams), fixture: e.file });

/**
 * Scrolls to the bottom a screen at a time, the way a user reads a results page. Each step
 * waits for two frames to be painted at the new position: the IntersectionObserver reports
 * the cards that came near the viewport in the first, so no card is scrolled past unseen
 * (a fixed 60 ms pause did the same, slower, and on a busy machine not surely).
 */
async function scrollThrough(page: Page): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const atEnd = await page.evaluate(async () => {
      window.scrollBy(0, Math.round(window.innerHeight * 0.8));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    if (atEnd) return;
  }
}

const boxIds = (page: Page) =>
  page.locator('[data-testid="select-listing"]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-item-id')))].sort());

describe('every committed fixture, in Chromium with the built extension', () => {
  let stack: Stack;

  beforeAll(async () => {
    // The server takes the first route whose query it finds in the URL: the most specific first
    // (three Taobao search generations share s.taobao.com/search).
    const routes = entries.map(routeOf).sort((a, b) => Object.keys(b.query ?? {}).length - Object.keys(a.query ?? {}).length);
    // No <all_urls>: flags record the screenshot as missing instead of taking it. The matrix
    // checks what is read from each page; evidence has its own tests. It keeps the run short.
    stack = await startStack({ routes, grantAllUrls: false });
    await (await configureApi(stack.browser, stack.sandbox.url, DEMO_TOKEN)).close();
  });

  afterAll(() => stack?.close());

  it('finds item, search and shop fixtures of every site', () => {
    const sites = new Set(entries.map((e) => e.name.split('/')[0]));
    expect([...sites].sort()).toEqual(['1688', 'aliexpress', 'lazada', 'taobao', 'tmall']);
    expect(entries.filter((e) => e.kind === 'item').length).toBeGreaterThan(5);
    expect(entries.filter((e) => e.kind !== 'item').length).toBeGreaterThan(5);
  });

  for (const e of entries.filter((x) => x.kind === 'item')) {
    it(`${e.name}: shows flag-listing and files exactly that listing`, async () => {
      const expected = e.sidecar.listing!;
      const page = await stack.browser.context.newPage();
      try {
        await page.goto(e.url.href);
        await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID, note: `matrix ${e.name}` });
        const filed = await waitFor(`the case of ${e.name}`, () => stack.sandbox.listCases().find((c) => c.submission.note === `matrix ${e.name}`), 20_000);
        const l = filed.submission.listing;
        expect(filed.marketplace).toBe(expected.marketplace);
        expect({ itemId: l.itemId, title: l.title, price: l.price, seller: l.seller, url: l.url }).toEqual({
          itemId: expected.itemId,
          title: expected.title,
          price: expected.price,
          seller: expected.seller,
          url: expected.url,
        });
      } finally {
        await page.close();
      }
    });
  }

  for (const e of entries.filter((x) => x.kind !== 'item')) {
    it(`${e.name}: a select box on every listed card once scrolled through${flagsACard.has(e.name) ? ', and one card filed exactly' : ''}`, async () => {
      const want = [...new Set(e.sidecar.itemIds ?? e.sidecar.cards!.map((c) => c.itemId))].sort();
      expect(want.length).toBeGreaterThan(0);
      const page = await stack.browser.context.newPage();
      try {
        await page.goto(e.url.href);
        await page.locator('[data-testid="select-listing"]').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
        await scrollThrough(page);
        await expect.poll(() => boxIds(page), { timeout: 5_000 }).toEqual(want);

        const more = e.sidecar.loadMore;
        if (more) {
          await page.locator(more.button).click();
          // A card appended later gets its box within 2 s once it is near the viewport.
          const first = page.locator(`[data-item-id="${more.itemIds[0]}"]`).first();
          await first.waitFor({ state: 'attached', timeout: 5_000 });
          await first.scrollIntoViewIfNeeded();
          await page.locator(`[data-testid="select-listing"][data-item-id="${more.itemIds[0]}"]`).waitFor({ timeout: 2_000 });
          await scrollThrough(page);
          await expect.poll(() => boxIds(page), { timeout: 5_000 }).toEqual([...new Set([...want, ...more.itemIds])].sort());
        }

        if (flagsACard.has(e.name)) {
          // A listing no item page of the matrix flags (tmall/item-tshop is on tmall/search-2017).
          const flaggedOnItemPages = new Set(entries.map((x) => x.sidecar.listing?.itemId));
          const card = e.sidecar.cards!.find((c) => !flaggedOnItemPages.has(c.itemId))!;
          const box = page.locator(`[data-testid="select-listing"][data-item-id="${card.itemId}"]`);
          await page.locator(`[data-item-id="${card.itemId}"]`).first().scrollIntoViewIfNeeded();
          await box.click();
          await page.getByTestId('flag-selected').click();
          await page.getByTestId('flag-reason').selectOption('counterfeit');
          await page.getByTestId('flag-ip-right').selectOption(DEMO_TRADEMARK_ID);
          await page.getByTestId('flag-note').fill(`matrix ${e.name}`);
          await page.getByTestId('flag-submit').click();
          const filed = await waitFor(`the case of ${e.name}`, () => stack.sandbox.listCases().find((c) => c.submission.note === `matrix ${e.name}`), 20_000);
          const l = filed.submission.listing;
          expect({ itemId: l.itemId, title: l.title, price: l.price, seller: l.seller, url: l.url }).toEqual({
            itemId: card.itemId,
            title: card.title,
            price: card.price,
            seller: card.seller,
            url: card.url,
          });
        }
      } finally {
        await page.close();
      }
    });
  }
});
