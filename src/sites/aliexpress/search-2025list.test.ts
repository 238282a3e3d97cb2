import { describe, expect, it } from 'vitest';
import { Listing } from '../../shared/model.ts';
import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';
import { aliexpressAdapter } from './index.ts';

// The 2025 list layout on a language site, a later page (no embedded result data): the
// cards themselves are the product links, titles are in attributes, prices in euros.

const FIELDS = ['marketplace', 'itemId', 'skuId', 'url', 'title', 'price', 'imageUrls', 'seller', 'unavailable'] as const;
const expected = loadSiteExpected<{ url: string; itemIds: string[]; cards: Listing[] }>('aliexpress', 'search-2025list.expected.json');
const url = new URL(expected.url);
const cards = () => aliexpressAdapter.extractCards!(loadSiteFixture('aliexpress', 'search-2025list.html', expected.url), url);

describe('AliExpress search-2025list.html', () => {
  const found = cards();
  it('is a search page, and every card is found once in page order from its markup alone', () => {
    expect(aliexpressAdapter.pageKind(url)).toBe('search');
    expect(found.map((c) => c.listing.itemId)).toEqual(expected.itemIds);
  });

  it.each(expected.cards.map((c, i) => [c.itemId, i] as const))('reads card %s field by field, as the schema accepts it', (_id, i) => {
    for (const f of FIELDS) expect(found[i]!.listing[f], f).toEqual(expected.cards[i]![f]);
    expect(Listing.parse(found[i]!.listing)).toEqual(expected.cards[i]);
  });

  it('gives each card its own link element', () => {
    for (const c of found) expect(c.element.matches('a.search-card-item')).toBe(true);
  });
});
