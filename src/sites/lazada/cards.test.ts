import { describe, expect, it } from 'vitest';
import { Listing } from '../../shared/model.ts';
import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';
import { lazadaAdapter } from './index.ts';

const expected = loadSiteExpected<{ url: string; adItemId: string; cards: Listing[] }>('lazada', 'search-pagedata.expected.json');
const url = new URL(expected.url);
const doc = () => loadSiteFixture('lazada', 'search-pagedata.html', expected.url);
const cards = (root: ParentNode = doc()) => lazadaAdapter.extractCards!(root, url);
const FIELDS = ['marketplace', 'itemId', 'skuId', 'url', 'title', 'price', 'imageUrls', 'seller', 'unavailable'] as const;

describe('Lazada search page with pageData (.com.my)', () => {
  it('is a search page', () => {
    expect(lazadaAdapter.pageKind(url)).toBe('search');
  });

  it('finds the 20 result cards in page order, the sponsored one included, and nothing else', () => {
    const ids = cards().map((c) => c.listing.itemId);
    expect(ids).toHaveLength(20);
    expect(ids).toEqual(expected.cards.map((c) => c.itemId));
    expect(ids[0]).toBe(expected.adItemId);
    expect(ids).not.toContain('2899999999'); // listed in the data, not on the page
    expect(ids).not.toContain('2811111111'); // "Just For You"
  });

  const once = cards(); // one parse for the field-by-field checks
  it.each(expected.cards.map((c, i) => [c.itemId, i] as const))('reads card %s field by field', (_id, i) => {
    const got = once[i]!;
    for (const field of FIELDS) expect(got.listing[field], field).toEqual(expected.cards[i]![field]);
    expect(Listing.parse(got.listing)).toEqual(expected.cards[i]);
  });

  it("gives each card's own element, even where data-item-id is empty", () => {
    const found = cards();
    for (const c of found) expect(c.element.getAttribute('data-qa-locator')).toBe('product-item');
    expect(found[5]!.element.getAttribute('data-item-id')).toBe('');
    expect(found[11]!.element.hasAttribute('data-sku-simple')).toBe(false);
    expect(found[11]!.listing.itemId).toBe(expected.cards[11]!.itemId);
  });

  it('reads a card added on its own with the page data', () => {
    const d = doc();
    const card = d.querySelectorAll('[data-qa-locator="product-item"]')[7]!;
    expect(cards(card).map((c) => c.listing)).toEqual([expected.cards[7]]);
  });

  it('reads cards from their markup when the page data does not cover them, without a seller', () => {
    const d = doc();
    for (const s of d.querySelectorAll('script')) if (s.textContent?.includes('pageData')) s.remove();
    const found = cards(d);
    expect(found.map((c) => c.listing.itemId)).toEqual(expected.cards.map((c) => c.itemId));
    const [ad, second] = found;
    expect(second!.listing).toMatchObject({
      title: expected.cards[1]!.title,
      price: expected.cards[1]!.price,
      imageUrls: expected.cards[1]!.imageUrls,
      skuId: expected.cards[1]!.skuId,
      seller: { name: '', id: null },
    });
    expect(ad!.listing.url).toBe(expected.cards[0]!.url);
    // The Listing schema refuses a card without a seller: the runtime waits for one.
    expect(Listing.safeParse(second!.listing).success).toBe(false);
  });

  it('reads the 2019 card generation by data-sku-simple', () => {
    const d = doc();
    const old = d.createElement('div');
    old.className = 'c2prKC';
    old.setAttribute('data-sku-simple', '2804860001_MYAMZ-13429920001');
    const a = d.createElement('a');
    a.setAttribute('href', '//www.lazada.com.my/products/old-card-i2804860001-s13429920001.html');
    const title = d.createElement('div');
    title.className = 'c16H9d';
    const t = d.createElement('a');
    t.setAttribute('title', 'Old Card Shoes');
    title.append(t);
    const price = d.createElement('span');
    price.className = 'c13VH6';
    price.textContent = 'RM1,099.00';
    old.append(a, title, price);
    expect(cards(old)[0]!.listing).toMatchObject({ itemId: '2804860001', skuId: '13429920001', title: 'Old Card Shoes', price: { amount: '1099.00', currency: 'MYR' } });
  });
});
