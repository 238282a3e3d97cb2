import { describe, expect, it } from 'vitest';
import type { Listing } from '../shared/model.ts';
import { PageState } from './page-state.ts';
import { cardPicks } from './card-picks.ts';
import { addToSelection, provideSelection, sameSeller, shiftRange, toggleFocusedCard } from './selection.ts';

const order = ['a', 'b', 'c', 'd', 'e', 'f'];
const listing = (itemId: string, seller: { id: string | null; name: string }, marketplace: Listing['marketplace'] = 'taobao'): Listing => ({
  marketplace, itemId, skuId: null, url: `https://item.taobao.com/item.htm?id=${itemId}`, title: itemId, price: null, imageUrls: [], seller: { ...seller, shopUrl: null }, unavailable: false,
});

describe('shift-click range', () => {
  it('takes every card from the anchor to the target, both included, in either direction', () => {
    expect(shiftRange(order, { itemId: 'b', selected: true }, 'e')).toEqual({ itemIds: ['b', 'c', 'd', 'e'], select: true });
    expect(shiftRange(order, { itemId: 'e', selected: true }, 'b')).toEqual({ itemIds: ['b', 'c', 'd', 'e'], select: true });
    expect(shiftRange(order, { itemId: 'c', selected: true }, 'c')).toEqual({ itemIds: ['c'], select: true });
  });

  it('clears the range when the anchor click cleared its box', () => {
    expect(shiftRange(order, { itemId: 'a', selected: false }, 'c')).toEqual({ itemIds: ['a', 'b', 'c'], select: false });
  });

  it('is a plain click without an anchor, or with one that is not on this page', () => {
    expect(shiftRange(order, null, 'c')).toBeNull();
    expect(shiftRange(order, { itemId: 'gone', selected: true }, 'c')).toBeNull();
  });
});

describe('seller grouping', () => {
  it('groups by seller id, else by name, within one marketplace', () => {
    const shopA = { id: 's1', name: 'Shop A' };
    const list = [
      listing('1', shopA),
      listing('2', { id: 's2', name: 'Shop A' }), // same name, another seller
      listing('3', { id: 's1', name: 'Shop A (renamed)' }),
      listing('4', { id: null, name: 'Nameless' }),
      listing('5', { id: null, name: 'Nameless' }),
      listing('6', shopA, 'lazada'),
    ];
    expect(sameSeller(list, list[0]!).map((l) => l.itemId)).toEqual(['1', '3']);
    expect(sameSeller(list, list[3]!).map((l) => l.itemId)).toEqual(['4', '5']);
  });
});

describe('select all from this seller', () => {
  it('takes the loaded, selectable cards of that seller, never the cards whose seller is not read yet', () => {
    const state = new PageState();
    const pending = { id: null, name: 'Seller: read when flagged' };
    const list = [listing('1', { id: 's1', name: 'A' }), listing('2', pending), listing('3', { id: 's1', name: 'A' }), listing('4', pending), listing('5', { id: 's1', name: 'A' })];
    state.annotate([{ marketplace: 'taobao', itemId: '5', clientRequestId: 'r5', state: 'received', slaDueAt: null, caseId: 'TD-5' }]);
    const picks = cardPicks(state, () => list, (l) => l.seller.id !== null);
    picks.seller(list[1]!);
    expect([...state.selected.keys()]).toEqual([]);
    picks.seller(list[0]!);
    expect([...state.selected.keys()]).toEqual(['1', '3']); // 5 already has a request
  });
});

describe('the page selection other features call', () => {
  it('reaches the running page, and nothing once it stopped', () => {
    const calls: string[] = [];
    const run = new AbortController();
    provideSelection({ toggleFocused: () => (calls.push('toggle'), true), add: (id) => (calls.push(id), id === 'x') }, run.signal);
    expect(toggleFocusedCard()).toBe(true);
    expect(addToSelection('x')).toBe(true);
    expect(addToSelection('y')).toBe(false);
    run.abort();
    expect(toggleFocusedCard()).toBe(false);
    expect(addToSelection('x')).toBe(false);
    expect(calls).toEqual(['toggle', 'x', 'y']);
  });
});
