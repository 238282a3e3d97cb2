import { describe, expect, it } from 'vitest';
import { groupCards } from './card-groups.ts';

const card = (itemId: string, top: number, height = 300) => ({ itemId, top, height });

describe('grouping flagged cards into captures', () => {
  it('captures cards already on screen where the user is, and the others in as few viewports as fit', () => {
    const cards = [card('a', 120), card('b', 120), card('c', 1000), card('d', 1350), card('e', 2600)];
    const { groups, skipped } = groupCards(cards, { scrollY: 0, viewportHeight: 900, pageHeight: 6000 });
    expect(groups).toEqual([
      { scrollY: 0, itemIds: ['a', 'b'] },
      { scrollY: 984, itemIds: ['c', 'd'] },
      { scrollY: 2584, itemIds: ['e'] },
    ]);
    expect(skipped).toEqual([]);
  });

  it('does not scroll past the end of the page', () => {
    const { groups } = groupCards([card('z', 5800, 150)], { scrollY: 0, viewportHeight: 900, pageHeight: 6000 });
    expect(groups).toEqual([{ scrollY: 5100, itemIds: ['z'] }]);
  });

  it('gives a card taller than the viewport a capture of its own, at its top', () => {
    const { groups } = groupCards([card('tall', 2000, 1200), card('next', 2100, 200)], { scrollY: 0, viewportHeight: 900, pageHeight: 9000 });
    expect(groups).toEqual([
      { scrollY: 1984, itemIds: ['tall', 'next'] },
    ]);
  });

  it('stops at the capture limit and names the cards left without one', () => {
    const cards = Array.from({ length: 10 }, (_, i) => card(`i${i}`, 1000 * (i + 1)));
    const { groups, skipped } = groupCards(cards, { scrollY: 0, viewportHeight: 900, pageHeight: 20_000, maxGroups: 3 });
    expect(groups.map((g) => g.itemIds)).toEqual([['i0'], ['i1'], ['i2']]);
    expect(skipped).toEqual(['i3', 'i4', 'i5', 'i6', 'i7', 'i8', 'i9']);
  });
});
