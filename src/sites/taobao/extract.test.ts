import { describe, expect, it } from 'vitest';
import { Listing } from '../../shared/model.ts';
import { taobaoAdapter } from './index.ts';
import { loadExpected, loadFixture } from './fixture-dom.ts';

const FIELDS = ['marketplace', 'itemId', 'skuId', 'url', 'title', 'price', 'imageUrls', 'seller', 'unavailable'] as const;

describe.each([
  ['item-ssr2025.html', 'item-ssr2025.expected.json'],
  ['item-classic.html', 'item-classic.expected.json'],
])('Taobao %s', (page, expectedFile) => {
  const expected = loadExpected(expectedFile);
  const url = new URL(expected.url);
  const extract = () => taobaoAdapter.extractItem(loadFixture(page, expected.url), url);

  it('is an item page', () => {
    expect(taobaoAdapter.pageKind(url)).toBe('item');
  });

  for (const field of FIELDS) {
    it(`extracts ${field}`, () => {
      expect(extract()?.[field]).toEqual(expected.listing[field]);
    });
  }

  it('gives a listing the schema accepts unchanged', () => {
    const parsed = Listing.safeParse(extract());
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(expected.listing);
  });
});

describe('Taobao SSR 2025 page', () => {
  const { url } = loadExpected('item-ssr2025.expected.json');
  const doc = () => loadFixture('item-ssr2025.html', url);
  const extract = (d: Document) => taobaoAdapter.extractItem(d, new URL(url));

  it('ignores the sticky header copies of title, price, picture and shop', () => {
    const d = doc();
    expect(d.querySelector('[class*="ItemHeadFixed--"]')).not.toBeNull();
    const l = extract(d)!;
    expect(l.title).not.toContain('…');
    expect(l.price?.amount).toBe('199.00');
    expect(l.imageUrls?.join()).not.toContain('StickyHead');
    expect(l.seller.name).toBe('Example官方旗舰店');
  });

  it('reads the heading text, whitespace normalised, when the title attribute is missing', () => {
    const d = doc();
    const h1 = d.querySelector('h1')!;
    h1.removeAttribute('title');
    h1.className = 'f-els-2 mainTitle--O1XCl8e2';
    expect(extract(d)?.title).toBe('【官方正品】Example 经典帆布双肩包 男女同款 大容量');
  });

  it('falls back to the block2 price layout, and takes the low end of a range', () => {
    const d = doc();
    for (const el of d.querySelectorAll('[class*="highlightPrice--"]')) el.className = 'priceWrap--Aa1';
    d.querySelector('[class*="block2--"] [class*="unit--"] + [class*="text--"]')!.textContent = '1,299.00-1,599.00';
    expect(extract(d)?.price).toEqual({ amount: '1299.00', currency: 'CNY' });
  });

  it('takes the seller id from shop links when no page data names it, then the shop id', () => {
    const d = doc();
    d.querySelector('#__ICE_APP_DATA__')!.remove();
    expect(extract(d)?.seller.id).toBe('2136510393');
    d.querySelector('.serviceLink--Ud9qr1oR')!.remove();
    d.querySelector('.recommend--GbBR5qx4')!.remove();
    expect(extract(d)?.seller.id).toBe('143694441');
    d.querySelector('[data-shopid]')!.removeAttribute('data-shopid');
    expect(extract(d)?.seller.id).toBeNull();
  });

  it('gives no price rather than a wrong one when the price has not arrived', () => {
    const d = doc();
    for (const el of d.querySelectorAll('[class*="text--"]')) el.textContent = '';
    expect(extract(d)?.price).toBeNull();
  });

  it('returns null until title and shop name are on the page (data arriving by XHR)', () => {
    const d = doc();
    d.querySelector('.shopHeader--T2eR4J1x')!.remove();
    expect(extract(d)).toBeNull();
  });

  it('takes the item id from page data when the URL has none', () => {
    expect(taobaoAdapter.extractItem(doc(), new URL('https://item.taobao.com/item.htm'))?.itemId).toBe('637145790668');
  });

  it('caps images at 12 and keeps them https and distinct', () => {
    const d = doc();
    const thumbs = d.querySelector('[class*="thumbnails--"]')!;
    for (let i = 0; i < 20; i++) {
      const img = d.createElement('img');
      img.className = 'thumbnailPic--QasTmWDm';
      img.setAttribute('src', `//img.alicdn.com/imgextra/x${i % 15}.jpg_110x10000Q75.jpg_.webp`);
      thumbs.append(img);
    }
    const imgs = extract(d)!.imageUrls!;
    expect(imgs).toHaveLength(12);
    expect(new Set(imgs).size).toBe(12);
    expect(imgs.every((u) => u.startsWith('https://'))).toBe(true);
  });

  it('keeps hostile page text as text', () => {
    const d = doc();
    d.querySelector('h1')!.setAttribute('title', '<img src=x onerror=alert(1)>\u202Egnp.exe');
    const parsed = Listing.parse(extract(d));
    expect(parsed.title).toBe('<img src=x onerror=alert(1)>gnp.exe');
  });
});

describe('Taobao classic page', () => {
  const { url } = loadExpected('item-classic.expected.json');
  const doc = () => loadFixture('item-classic.html', url);
  const extract = (d: Document) => taobaoAdapter.extractItem(d, new URL(url));
  const dropConfig = (d: Document) => {
    for (const s of d.querySelectorAll('script')) if (s.textContent?.includes('g_config')) s.remove();
  };

  it('reads g_config despite the expressions in it', () => {
    const l = extract(doc())!;
    expect(l.title).toBe('2024新款 Example 纯棉圆领短袖T恤 男士宽松百搭 夏季潮牌');
    expect(l.seller.name).toBe('Example服饰专营店');
  });

  it('falls back to the DOM without g_config', () => {
    const d = doc();
    dropConfig(d);
    const l = extract(d)!;
    expect(l.title).toBe('2024新款 Example 纯棉圆领短袖T恤 男士宽松百搭 夏季潮牌');
    expect(l.seller).toEqual({ name: 'Example服饰专营店', id: null, shopUrl: 'https://shop57301984.taobao.com/' });
    expect(l.imageUrls).toEqual([
      'https://img.alicdn.com/imgextra/i4/1084651530/O1CN01Tshirt1_!!1084651530.jpg',
      'https://img.alicdn.com/imgextra/i1/1084651530/O1CN01Tshirt2_!!1084651530.jpg',
      'https://img.alicdn.com/imgextra/i2/1084651530/O1CN01Tshirt3_!!1084651530.jpg',
    ]);
  });

  it('reads the heading text and the shop card without link when attributes are gone', () => {
    const d = doc();
    dropConfig(d);
    d.querySelector('#J_Title h3')!.removeAttribute('data-title');
    const shop = d.querySelector('.tb-shop-name')!;
    shop.textContent = ' Example服饰专营店 ';
    const l = extract(d)!;
    expect(l.title).toBe('2024新款 Example 纯棉圆领短袖T恤 男士宽松百搭 夏季潮牌');
    expect(l.seller.name).toBe('Example服饰专营店');
  });

  it('prefers a promotion price, then the list price, then the form', () => {
    const d = doc();
    d.querySelector('#J_PromoPriceNum')!.textContent = '¥69.90';
    expect(extract(d)?.price?.amount).toBe('69.90');
    d.querySelector('#J_PromoPriceNum')!.textContent = '';
    d.querySelector('#J_StrPrice')!.remove();
    d.querySelector('input[name="current_price"]')!.setAttribute('value', '79.00');
    expect(extract(d)?.price?.amount).toBe('79.00');
  });
});
