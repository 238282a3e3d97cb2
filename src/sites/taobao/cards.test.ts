import { describe, expect, it } from 'vitest';
import { Listing } from '../../shared/model.ts';
import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';
import { taobaoAdapter } from './index.ts';

interface Expected {
  url: string;
  count: number;
  itemIds: string[];
  cards: Listing[];
}

const FIELDS = ['marketplace', 'itemId', 'skuId', 'url', 'title', 'price', 'imageUrls', 'seller', 'unavailable'] as const;
const load = (page: string) => {
  const expected = loadSiteExpected<Expected>('taobao', page.replace('.html', '.expected.json'));
  const doc = loadSiteFixture('taobao', page, expected.url);
  return { expected, doc, url: new URL(expected.url), cards: () => taobaoAdapter.extractCards!(doc, new URL(expected.url)) };
};

describe.each([
  ['search-gen3.html', 'search'],
  ['search-gen2.html', 'search'],
  ['search-gen1.html', 'search'],
  ['shop-new.html', 'shop'],
  ['shop-old.html', 'shop'],
])('Taobao %s', (page, kind) => {
  const { expected, url, cards } = load(page);

  it(`is a ${kind} page`, () => {
    expect(taobaoAdapter.pageKind(url)).toBe(kind);
  });

  it(`finds every card once, in page order (${expected.count})`, () => {
    const found = cards();
    expect(found).toHaveLength(expected.count);
    expect(found.map((c) => c.listing.itemId)).toEqual(expected.itemIds);
  });

  for (let i = 0; i < expected.cards.length; i++) {
    for (const field of FIELDS) {
      it(`card ${i + 1}: ${field}`, () => {
        expect(cards()[i]!.listing[field]).toEqual(expected.cards[i]![field]);
      });
    }
  }

  it('gives listings the schema accepts unchanged', () => {
    for (const { listing } of cards()) expect(Listing.parse(listing)).toEqual({ ...listing });
  });

  it('hands back each card element holding its own item', () => {
    for (const { element, listing } of cards()) {
      const own = element.id === `item_id_${listing.itemId}` || element.getAttribute('data-id') === listing.itemId || element.querySelector(`[href*="id=${listing.itemId}"]`);
      expect(own, listing.itemId).toBeTruthy();
    }
  });
});

describe('Taobao search gen 3', () => {
  const { cards, doc, url } = load('search-gen3.html');

  it('keeps sponsored cards (they are listings) and skips the suggested-search card', () => {
    const byId = new Map(cards().map((c) => [c.listing.itemId, c]));
    const ad = byId.get('800000000005')!;
    expect(ad.element.querySelector('[class*="mainP4pPic--"]')).not.toBeNull();
    expect(ad.listing.url).toBe('https://item.taobao.com/item.htm?id=800000000005');
    expect(ad.listing.imageUrls).toHaveLength(1);
    expect(byId.get('800000000030')!.listing.title).toBeTruthy();
    expect(cards().some((c) => c.element.closest('[class*="suggestItemCard--"]'))).toBe(false);
  });

  it('files Tmall results under Tmall, at their Tmall address', () => {
    const tmall = cards().filter((c) => c.listing.marketplace === 'tmall').map((c) => c.listing.url);
    expect(tmall).toEqual([3, 17, 40].map((n) => `https://detail.tmall.com/item.htm?id=${800000000000 + n}`));
  });

  it('reads the title attribute, not the highlighted text', () => {
    const card = cards()[1]!;
    card.element.querySelector('[class^="title--"]')!.setAttribute('title', '完整标题 Example 双肩包');
    expect(taobaoAdapter.extractCards!(card.element, url)[0]!.listing.title).toBe('完整标题 Example 双肩包');
  });

  it('joins the integer and decimal parts of the price', () => {
    const card = doc.querySelector('#item_id_800000000004')!;
    expect(card.querySelector('[class*="priceInt--"]')!.textContent).toBe('79');
    expect(taobaoAdapter.extractCards!(card.parentElement!, url)[0]!.listing.price).toEqual({ amount: '79.90', currency: 'CNY' });
  });

  it('annotates cards added later by scanning only the new subtree', () => {
    const grid = doc.querySelector('[class*="contentInner--"]')!;
    const copy = doc.querySelector('#item_id_800000000002')!.parentElement!.cloneNode(true) as Element;
    const a = copy.querySelector('a')!;
    a.id = 'item_id_800000000099';
    a.setAttribute('href', '//item.taobao.com/item.htm?id=800000000099&ns=1');
    grid.append(copy);
    const added = taobaoAdapter.extractCards!(copy, url);
    expect(added.map((c) => c.listing.itemId)).toEqual(['800000000099']);
    expect(added[0]!.element).toBe(a);
  });

  it('skips a card that does not show a title or a seller yet', () => {
    const card = doc.querySelector('#item_id_800000000001')!;
    card.querySelector('[class*="shopNameText--"]')!.textContent = '';
    expect(taobaoAdapter.extractCards!(doc, url).map((c) => c.listing.itemId)).not.toContain('800000000001');
  });
});

describe('Taobao search gen 2: the shop link nested in the item link', () => {
  const url = new URL('https://s.taobao.com/search?q=x');

  // What Chromium builds from gen 2's nested links (HTML's adoption agency): the item link
  // closes before the shop part, which moves after it with empty copies of the item link.
  it('finds the shop that the parser moved after the card, and not the next card\'s', () => {
    const { doc } = load('search-gen2.html');
    const grid = doc.createElement('div');
    doc.body.replaceChildren(grid);
    for (const id of ['720000000101', '720000000102']) {
      const wrap = doc.createElement('div');
      const a = doc.createElement('a');
      a.id = `item_id_${id}`;
      a.className = 'Card--doubleCardWrapper--L2XFE73';
      a.setAttribute('href', `//item.taobao.com/item.htm?id=${id}`);
      const title = doc.createElement('div');
      title.className = 'Title--title--jCOPvpf';
      title.textContent = `Title ${id}`;
      a.append(title);
      const shop = doc.createElement('div');
      shop.className = 'ShopInfo--shopInfo--ORFs6rK';
      shop.append(a.cloneNode(false));
      const link = doc.createElement('a');
      link.className = 'ShopInfo--shopName--rg6mGmy';
      link.setAttribute('href', `//store.taobao.com/shop/view_shop.htm?appUid=U${id}&spm=a.b`);
      const name = doc.createElement('span');
      name.className = 'ShopInfo--shopNameText--a8u3Lvc';
      name.textContent = id.endsWith('101') ? 'First Shop' : 'Second Shop';
      link.append(name);
      shop.append(link);
      wrap.append(a, shop);
      grid.append(wrap);
    }
    const found = taobaoAdapter.extractCards!(doc, url);
    expect(found.map((c) => [c.listing.itemId, c.listing.seller.name, c.listing.seller.shopUrl])).toEqual([
      ['720000000101', 'First Shop', 'https://store.taobao.com/shop/view_shop.htm?appUid=U720000000101'],
      ['720000000102', 'Second Shop', 'https://store.taobao.com/shop/view_shop.htm?appUid=U720000000102'],
    ]);
    expect(found[0]!.element.querySelector('[class*="Title--title--"]')).not.toBeNull();
  });
});

describe('Taobao search gen 1', () => {
  const { cards, doc, url } = load('search-gen1.html');

  it('prefers the whole raw_title of g_page_config over the cut DOM title', () => {
    const first = doc.querySelector('#J_Itemlist_TLink_610000000001')!.textContent;
    expect(cards()[0]!.listing.title.startsWith(first!)).toBe(true);
    expect(cards()[0]!.listing.title.length).toBeGreaterThan(first!.length);
  });

  it('reads a card the config does not name from the DOM, lazy picture and all', () => {
    const late = cards().find((c) => c.listing.itemId === '610000000044')!.listing;
    expect(late.seller.id).toMatch(/^\d+$/);
    expect(late.seller.shopUrl).toBe(`https://store.taobao.com/shop/view_shop.htm?user_number_id=${late.seller.id}`);
    expect(late.imageUrls?.[0]).toMatch(/^https:\/\/g-search\d\.alicdn\.com\/.*\.jpg$/);
    expect(late.price?.amount).toMatch(/^\d+\.\d\d$/);
  });

  it('ignores config entries without a card, and the sidebar promotions', () => {
    const ids = cards().map((c) => c.listing.itemId);
    expect(ids).not.toContain('610000000999');
    expect(ids).not.toContain('610000000777');
  });

  it('falls back to the DOM entirely without the config', () => {
    for (const s of doc.querySelectorAll('script')) if (s.textContent?.includes('g_page_config')) s.remove();
    const found = taobaoAdapter.extractCards!(doc, url);
    expect(found).toHaveLength(44);
    expect(found[1]!.listing).toMatchObject({ marketplace: 'tmall', seller: { name: '潮牌仓库直销', id: '1839204751' }, price: { amount: '45.80' } });
  });
});

describe('Taobao shop pages', () => {
  it('take the seller from the page when the cards do not name one', () => {
    const { cards } = load('shop-new.html');
    expect(new Set(cards().map((c) => c.listing.seller.name))).toEqual(new Set(['Example官方旗舰店']));
  });

  it('find no cards on pages without any', () => {
    const { doc } = load('shop-old.html');
    doc.querySelector('.J_TItems')!.remove();
    expect(taobaoAdapter.extractCards!(doc, new URL('https://examplebrand.taobao.com/search.htm'))).toEqual([]);
  });
});
