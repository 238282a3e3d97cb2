import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import type { Listing } from '../../src/shared/model.ts';
import type { Route } from './harness/fixture-server.ts';
import { configureApi, storedRequests, waitFor } from './harness/flows.ts';
import { startStack, type Stack } from './harness/stack.ts';

// A Lazada catalog page whose "Load more" appends 40 cards the page data does not cover:
// their cards never name the seller. They still get a box, and a flag reads each seller from
// the listing's own product page (served here at its real address), so the sandbox holds the
// right seller, once per listing. A listing whose page cannot be read is not filed at all.

const sidecar = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/lazada/search-loadmore.expected.json'), 'utf8')) as {
  url: string;
  loadMore: { button: string; itemIds: string[] };
  cards: Listing[];
  laterCards: Listing[];
};
const SEARCH = new URL(sidecar.url);
SEARCH.protocol = 'http:';
const [laterA, laterB, laterC] = sidecar.laterCards as [Listing, Listing, Listing];
const early = sidecar.cards[0]!;

/** A product page: the "Sold by" block, and the tracking data (a JSON string in a string) with the seller id. */
function productPage(l: Listing): string {
  const tracking = JSON.stringify(JSON.stringify({ pdt_name: l.title, seller_name: l.seller.name, seller_id: l.seller.id }));
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${l.title} | Lazada.co.th</title>
<script>var pdpTrackingData = ${tracking};</script></head><body>
<div class="pdp-block"><h1 class="pdp-mod-product-badge-title">${l.title}</h1>
<div class="pdp-product-price"><span class="pdp-price pdp-price_type_normal pdp-price_color_orange pdp-price_size_xl">฿${l.price!.amount}</span></div>
<div class="seller-name__detail"><a class="seller-name__detail-name" href="//www.lazada.co.th/shop/${l.seller.id}/">${l.seller.name}</a></div></div>
</body></html>`;
}
const productRoute = (l: Listing): Route => ({ host: 'www.lazada.co.th', path: `/products/i${l.itemId}-s${l.skuId}.html`, html: productPage(l) });

const box = (page: Page, id: string) => page.locator(`[data-testid="select-listing"][data-item-id="${id}"]`);

describe('Lazada: cards loaded later, without seller data in the page', () => {
  let stack: Stack;

  beforeAll(async () => {
    // laterC has no product page here: its seller cannot be read.
    stack = await startStack({
      grantAllUrls: false,
      routes: [{ host: SEARCH.hostname, path: SEARCH.pathname, fixture: 'lazada/search-loadmore.html' }, productRoute(laterA), productRoute(laterB)],
    });
    await (await configureApi(stack.browser, stack.sandbox.url, DEMO_TOKEN)).close();
  });
  afterAll(() => stack?.close());

  async function openAndLoadMore(): Promise<Page> {
    const page = await stack.browser.context.newPage();
    await page.goto(SEARCH.href);
    await box(page, early.itemId).waitFor({ timeout: 10_000 });
    await page.locator(sidecar.loadMore.button).click();
    const card = page.locator(`[data-qa-locator="product-item"][data-item-id="${laterA.itemId}"]`);
    await card.waitFor({ state: 'attached', timeout: 5_000 });
    await card.scrollIntoViewIfNeeded();
    await box(page, laterA.itemId).waitFor({ timeout: 2_000 });
    return page;
  }

  async function flagSelection(page: Page, note: string) {
    await page.getByTestId('flag-selected').click();
    await page.getByTestId('flag-reason').selectOption('counterfeit');
    await page.getByTestId('flag-ip-right').selectOption(DEMO_TRADEMARK_ID);
    await page.getByTestId('flag-note').fill(note);
    await page.getByTestId('flag-submit').click();
  }

  it('gives later cards a box, and files them with the seller their own pages name, each exactly once', async () => {
    const page = await openAndLoadMore();
    await box(page, laterB.itemId).scrollIntoViewIfNeeded();
    await box(page, laterA.itemId).click();
    await box(page, laterB.itemId).click();
    await page.locator(`[data-qa-locator="product-item"][data-item-id="${early.itemId}"]`).scrollIntoViewIfNeeded();
    await box(page, early.itemId).click();
    await expect.poll(() => page.getByTestId('batch-toolbar').getAttribute('data-count')).toBe('3');
    await flagSelection(page, 'later cards');

    const ids = [laterA, laterB, early].map((l) => l.itemId);
    const filed = await waitFor('three cases', () => {
      const cases = stack.sandbox.listCases().filter((c) => ids.includes(c.itemId));
      return cases.length >= 3 ? cases : null;
    });
    // Filed exactly once: the extension holds one request per card, all answered by the
    // service (a second filing would be a second stored request, sent before this holds).
    const held = await waitFor('every stored request answered', async () => {
      const mine = (await storedRequests(stack.browser)).filter((r) => ids.includes(r.itemId));
      return mine.length >= 3 && mine.every((r) => r.state === 'submitted') ? mine : null;
    });
    expect(held.map((r) => r.itemId).sort()).toEqual([...ids].sort());
    expect(stack.sandbox.listCases().filter((c) => ids.includes(c.itemId)).map((c) => c.itemId).sort()).toEqual([...ids].sort());
    for (const want of [laterA, laterB, early]) {
      const got = filed.find((c) => c.itemId === want.itemId)!.submission.listing;
      expect(got.seller.name).toBe(want.seller.name);
      expect(got.seller.id).toBe(want.seller.id);
      expect({ title: got.title, price: got.price, url: got.url }).toEqual({ title: want.title, price: want.price, url: want.url });
    }
    await page.close();

    // Loaded later again, the flagged card shows its request (asked about by item id).
    const again = await openAndLoadMore();
    await expect
      .poll(() => again.locator(`[data-testid="listing-status"][data-item-id="${laterA.itemId}"]`).count(), { timeout: 10_000 })
      .toBe(1);
    await again.close();
  });

  it('files nothing, and says why, when a later card\'s seller cannot be read', async () => {
    const page = await openAndLoadMore();
    const card = page.locator(`[data-qa-locator="product-item"][data-item-id="${laterC.itemId}"]`);
    await card.scrollIntoViewIfNeeded();
    await box(page, laterC.itemId).click();
    await flagSelection(page, 'unreadable seller');
    const alert = page.locator('[role="alert"]');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain(laterC.itemId);
    // Refused before the flag message: nothing stored, so nothing can be sent later either.
    expect((await storedRequests(stack.browser)).filter((r) => r.itemId === laterC.itemId)).toEqual([]);
    expect(stack.sandbox.listCases().filter((c) => c.itemId === laterC.itemId)).toEqual([]);
    expect(await page.getByTestId('batch-toolbar').getAttribute('data-count')).toBe('1'); // the selection is kept
    await page.close();
  });
});
