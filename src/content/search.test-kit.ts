import { vi } from 'vitest';
import type { CardMatch, SiteAdapter } from '../sites/adapter.ts';
import type { ListingInput } from '../shared/model.ts';
import { cardElements } from '../sites/dom.ts';
import { assertRealNode } from '../../test/setup/strict-dom.ts';
import { HOST_TAG } from './mount.ts';

// A synthetic search page for the card runtime's tests: cards `<div class="card">` with
// their data in attributes, a fake adapter that spies on the roots it is given, a hand-driven
// IntersectionObserver (happy-dom computes no layout) and hand-stepped frames.

export const SEARCH = 'https://s.taobao.com/search?q=bag';
export const itemId = (n: number) => String(800000000000 + n);

export function cardElement(n: number, over: { seller?: string; title?: string | null } = {}): HTMLElement {
  const card = document.createElement('div');
  card.className = 'card';
  card.dataset.id = itemId(n);
  card.dataset.seller = over.seller ?? `seller-${n % 4}`;
  card.dataset.top = String(n * 300);
  if (over.title !== null) {
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = over.title ?? `帆布双肩包 ${n}`;
    card.append(title);
  }
  return card;
}

export function searchPage(count: number): HTMLElement {
  const list = document.createElement('div');
  list.className = 'list';
  for (let n = 1; n <= count; n++) list.append(cardElement(n));
  document.body.replaceChildren(list);
  return list;
}

/** The roots the fake adapter was asked to find cards in, and the cards it read. */
export const findRoots: ParentNode[] = [];
export const readCards: Element[] = [];

function readFake(element: Element): ListingInput {
  const id = (element as HTMLElement).dataset.id!;
  return {
    marketplace: 'taobao',
    itemId: id,
    url: `https://item.taobao.com/item.htm?id=${id}`,
    title: element.querySelector('.title')?.textContent ?? '',
    seller: { name: `店铺 ${(element as HTMLElement).dataset.seller}`, id: (element as HTMLElement).dataset.seller! },
  };
}

export const fakeAdapter: SiteAdapter = {
  id: 'taobao',
  matches: ['*://*.taobao.com/*'],
  itemLinks: ['*://item.taobao.com/*'],
  examples: { item: [], search: [], shop: [], other: [] },
  itemIdFromUrl: () => null,
  handles: () => true,
  pageKind: () => 'search',
  extractItem: () => null,
  canonicalUrl: (_u, id) => `https://item.taobao.com/item.htm?id=${id}`,
  findCards(root: ParentNode): Element[] {
    findRoots.push(root);
    return cardElements(root, '.card');
  },
  readCard(element: Element): ListingInput {
    readCards.push(element);
    return readFake(element);
  },
  extractCards(root: ParentNode): CardMatch[] {
    return fakeAdapter.findCards!(root).map((element) => ({ element, listing: readFake(element) }));
  },
};

/** An adapter of the older shape: extractCards only. */
export const extractOnlyAdapter: SiteAdapter = { ...fakeAdapter, findCards: undefined, readCard: undefined };

/** Cards lie one under the other, 300 px apart (their data-top). */
export function fakeLayout() {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const top = this.dataset.top === undefined ? NaN : Number(this.dataset.top) - window.scrollY;
    if (!Number.isFinite(top) || !this.isConnected) return new DOMRect(0, 0, 0, 0);
    return new DOMRect(20, top, 240, 280);
  });
}

export class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  observed = new Set<Element>();
  constructor(private callback: IntersectionObserverCallback, readonly options: IntersectionObserverInit = {}) {
    FakeIntersectionObserver.all.push(this);
  }
  // Chromium refuses anything but a real element (a Proxy around one included).
  observe(el: Element) {
    assertRealNode(el, 'IntersectionObserver.observe');
    this.observed.add(el);
  }
  unobserve(el: Element) {
    assertRealNode(el, 'IntersectionObserver.unobserve');
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  takeRecords() {
    return [];
  }
  /** The browser says these elements came near the viewport. */
  static enter(elements: Element[]) {
    for (const io of FakeIntersectionObserver.all) {
      const targets = elements.filter((e) => io.observed.has(e));
      if (targets.length) io.callback(targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), io as unknown as IntersectionObserver);
    }
  }
}

/** Frames stepped by the test. */
export function handFrames() {
  let pending: (() => void)[] = [];
  return {
    schedule: (fn: () => void) => void pending.push(fn),
    /** Runs frames until no work is left. */
    run(max = 100) {
      for (let i = 0; i < max && pending.length; i++) {
        const now = pending;
        pending = [];
        for (const fn of now) fn();
      }
    },
  };
}

export const shadow = () => document.querySelector(HOST_TAG)?.shadowRoot ?? null;
export const hooks = (id: string) => [...(shadow()?.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`) ?? [])];
export const box = (n: number) => shadow()?.querySelector<HTMLInputElement>(`[data-testid="select-listing"][data-item-id="${itemId(n)}"]`) ?? null;
export const cardsOf = (list: HTMLElement) => [...list.querySelectorAll('.card')];
