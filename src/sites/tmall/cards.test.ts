import { describe, expect, it } from 'vitest';
import { Listing } from '../../shared/model.ts';
import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';
import { tmallAdapter } from './index.ts';

const expected = loadSiteExpected<{ url: string; cards: Listing[] }>('tmall', 'search-2017.expected.json');
const url = new URL(expected.url);
const doc = () => loadSiteFixture('tmall', 'search-2017.html', expected.url);
const cards = (root: ParentNode = doc()) => tmallAdapter.extractCards!(root, url);

describe('Tmall search page (list.tmall.com, 2017)', () => {
  it('is a search page', () => {
    expect(tmallAdapter.pageKind(url)).toBe('search');
  });

  it('finds every result card, in order, and no promoted or brand tiles', () => {
    expect(cards().map((c) => c.listing.itemId)).toEqual(expected.cards.map((c) => c.itemId));
  });

  const once = cards(); // one parse for the field-by-field checks
  it.each(expected.cards.map((c, i) => [c.itemId, i] as const))('reads card %s field by field', (_id, i) => {
    const got = once[i]!;
    const want = expected.cards[i]!;
    for (const field of ['marketplace', 'itemId', 'skuId', 'url', 'title', 'price', 'imageUrls', 'seller', 'unavailable'] as const) {
      expect(got.listing[field], field).toEqual(want[field]);
    }
    expect(Listing.parse(got.listing)).toEqual(want);
  });

  it("gives each card's own element", () => {
    for (const c of cards()) expect(c.element.getAttribute('data-id')).toBe(c.listing.itemId);
  });

  it('reads a card added on its own (infinite scroll, re-render)', () => {
    const one = doc().querySelector('#J_ItemList .product[data-id="591234500001"]')!;
    expect(cards(one).map((c) => c.listing.itemId)).toEqual(['591234500001']);
  });
});
