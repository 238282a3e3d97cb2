import { describe, expect, it } from 'vitest';
import { Listing } from '../../shared/model.ts';
import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';
import { alibaba1688Adapter } from './index.ts';

const FIELDS = ['marketplace', 'itemId', 'skuId', 'url', 'title', 'price', 'imageUrls', 'seller', 'unavailable'] as const;
type Sidecar = { url: string; adItemId?: string; itemIds: string[]; cards: Listing[] };

describe.each([
  ['search-2024', 'search'],
  ['shop-offerlist2024', 'shop'],
] as const)('1688 %s', (name, kind) => {
  const expected = loadSiteExpected<Sidecar>('1688', `${name}.expected.json`);
  const url = new URL(expected.url);
  const doc = () => loadSiteFixture('1688', `${name}.html`, expected.url);
  const cards = alibaba1688Adapter.extractCards!(doc(), url);

  it(`is a ${kind} page`, () => {
    expect(alibaba1688Adapter.pageKind(url)).toBe(kind);
  });

  it('finds every offer card in page order, and no sponsored one', () => {
    expect(cards.map((c) => c.listing.itemId)).toEqual(expected.itemIds);
    if (expected.adItemId) expect(cards.map((c) => c.listing.itemId)).not.toContain(expected.adItemId);
  });

  it.each(expected.cards.map((c, i) => [c.itemId, i] as const))('reads card %s field by field, as the schema accepts it', (_id, i) => {
    for (const f of FIELDS) expect(cards[i]!.listing[f], f).toEqual(expected.cards[i]![f]);
    expect(Listing.parse(cards[i]!.listing)).toEqual(expected.cards[i]);
  });

  it('reads a card appended alone (infinite scroll) the same way', () => {
    const page = doc();
    const second = alibaba1688Adapter.extractCards!(page, url)[1]!;
    const alone = alibaba1688Adapter.extractCards!(second.element, url);
    expect(alone.map((c) => c.listing)).toEqual([cards[1]!.listing]);
    expect(alone[0]!.element).toBe(second.element);
  });
});
