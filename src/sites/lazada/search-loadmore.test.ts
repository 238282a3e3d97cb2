import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { Listing } from '../../shared/model.ts';
import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';
import { lazadaAdapter } from './index.ts';

// The 2025 catalog generation: pageData at the end of the body covers the first 40 cards;
// "Load more" appends 40 whose seller neither the page data nor the card names.

const expected = loadSiteExpected<{ url: string; itemIds: string[]; loadMore: { itemIds: string[] }; cards: Listing[]; laterCards: Listing[] }>(
  'lazada',
  'search-loadmore.expected.json',
);
const url = new URL(expected.url);
const parse = (html: string) => new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const FIELDS = ['marketplace', 'itemId', 'skuId', 'url', 'title', 'price', 'imageUrls', 'seller', 'unavailable'] as const;

function loaded(): Document {
  const doc = loadSiteFixture('lazada', 'search-loadmore.html', expected.url);
  const template = doc.querySelector('template#next-page') as HTMLTemplateElement;
  doc.querySelector('._17mcb')!.append(template.content.cloneNode(true));
  return doc;
}

describe('Lazada search, pageData at the end of the body, Load more', () => {
  it('is a search page and finds the 40 cards of the first page, each with its seller from the page data', () => {
    expect(lazadaAdapter.pageKind(url)).toBe('search');
    const cards = lazadaAdapter.extractCards!(loadSiteFixture('lazada', 'search-loadmore.html', expected.url), url);
    expect(cards.map((c) => c.listing.itemId)).toEqual(expected.itemIds);
    for (const [i, want] of expected.cards.entries()) {
      for (const f of FIELDS) expect(cards[i]!.listing[f], f).toEqual(want[f]);
    }
  });

  it('reads the 40 appended cards from their markup, without a seller (none is guessed)', () => {
    const cards = lazadaAdapter.extractCards!(loaded(), url);
    expect(cards.map((c) => c.listing.itemId)).toEqual([...expected.itemIds, ...expected.loadMore.itemIds]);
    for (const [i, want] of expected.laterCards.entries()) {
      const got = cards[40 + i]!.listing;
      for (const f of ['itemId', 'skuId', 'url', 'title', 'price', 'imageUrls'] as const) expect(got[f], f).toEqual(want[f]);
      expect(got.seller?.name).toBe('');
      expect(Listing.safeParse(got).success).toBe(false);
    }
  });

  it("completes a later card with the seller its own product page names, and refuses when that page does not say", async () => {
    const later = lazadaAdapter.extractCards!(loaded(), url)[40]!.listing;
    const want = expected.laterCards[0]!;
    const pages: string[] = [];
    const page = (html: string) => async (u: URL) => (pages.push(u.href), parse(html));
    const pdp = `<h1 class="pdp-mod-product-badge-title">${want.title}</h1><div class="seller-name__detail"><a class="seller-name__detail-name" href="/shop/x/">${want.seller.name}</a></div>`;
    const done = await lazadaAdapter.completeListing!(later, url, page(pdp));
    expect(pages).toEqual([`https://www.lazada.co.th/products/i${want.itemId}-s${want.skuId}.html`]);
    expect(done?.seller.name).toBe(want.seller.name);
    expect(Listing.safeParse(done).success).toBe(true);

    expect(await lazadaAdapter.completeListing!(later, url, page('<h1>Not found</h1>'))).toBeNull();
    expect(await lazadaAdapter.completeListing!(later, url, async () => Promise.reject(new Error('offline')))).toBeNull();
  });
});
