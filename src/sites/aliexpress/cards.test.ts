import { describe, expect, it } from 'vitest';
import { Listing } from '../../shared/model.ts';
import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';
import { aliexpressAdapter } from './index.ts';

interface Expected {
  url: string;
  count: number;
  itemIds: string[];
  cards: Listing[];
}

const FIELDS = ['marketplace', 'itemId', 'skuId', 'url', 'title', 'price', 'imageUrls', 'seller', 'unavailable'] as const;
const expected = loadSiteExpected<Expected>('aliexpress', 'search-2024.expected.json');
const url = new URL(expected.url);
const doc = () => loadSiteFixture('aliexpress', 'search-2024.html', expected.url);
const cards = (d = doc()) => aliexpressAdapter.extractCards!(d, url);
// The field-by-field tests only read: they share one extraction of a freshly parsed page
// (parsing the page for each of them was most of this file's time).
let once: ReturnType<typeof cards> | undefined;
const readCards = () => (once ??= cards());

describe('AliExpress search-2024.html', () => {
  it('is a search page', () => {
    expect(aliexpressAdapter.pageKind(url)).toBe('search');
  });

  it(`finds every card once, in page order (${expected.count})`, () => {
    expect(cards().map((c) => c.listing.itemId)).toEqual(expected.itemIds);
  });

  for (let i = 0; i < expected.cards.length; i++) {
    for (const field of FIELDS) {
      it(`card ${i + 1}: ${field}`, () => {
        expect(readCards()[i]!.listing[field]).toEqual(expected.cards[i]![field]);
      });
    }
  }

  it('gives listings the schema accepts, each with the wrapper as its element', () => {
    for (const { element, listing } of cards()) {
      expect(Listing.safeParse(listing).success).toBe(true);
      expect(element.className).toContain('search-item-card-wrapper');
      expect(element.querySelector(`a[href*="/item/${listing.itemId}.html"]`)).not.toBeNull();
    }
  });

  it('prefers _init_data_ to the DOM, and reads the cards it does not name from the DOM', () => {
    const d = doc();
    d.querySelector('h3[class*="titleText--"]')!.textContent = 'DOM title';
    const found = cards(d);
    expect(found[0]!.listing.title).toBe(expected.cards[0]!.title);
    const late = found.at(-1)!.listing;
    expect(late).toMatchObject({ itemId: '1005006000040212', title: 'Vintage Canvas School Bag Outdoor Hiking', price: { amount: '15.00', currency: 'USD' } });
    expect(late.seller).toEqual({ name: 'Min Trade Store', id: null, shopUrl: null });
  });

  it('falls back to the DOM entirely without _init_data_', () => {
    const d = doc();
    for (const s of d.querySelectorAll('script')) if (s.textContent?.includes('_init_data_')) s.remove();
    const found = cards(d);
    expect(found).toHaveLength(expected.count);
    expect(found[0]!.listing).toMatchObject({ title: expected.cards[0]!.title, price: expected.cards[0]!.price, imageUrls: expected.cards[0]!.imageUrls });
  });

  it('reads a card added later from its own subtree', () => {
    const d = doc();
    const card = d.querySelectorAll('[class*="search-item-card-wrapper"]')[3]!;
    const found = aliexpressAdapter.extractCards!(card, url);
    expect(found.map((c) => c.listing.itemId)).toEqual([expected.itemIds[3]]);
    expect(found[0]!.element).toBe(card);
  });

  it('ignores entries without a card', () => {
    expect(cards().map((c) => c.listing.itemId)).not.toContain('1005006999999999');
  });
});
