import { describe, expect, it } from 'vitest';
import { describeItemFixtures } from '../item-fixtures.test-kit.ts';
import { Listing } from '../../shared/model.ts';
import { taobaoAdapter } from './index.ts';
import { loadExpected, loadFixture } from './fixture-dom.test-kit.ts';


describeItemFixtures('Taobao', taobaoAdapter, 'taobao', ['item-ssr2025.html', 'item-classic.html', 'item-react2022.html']);

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

describe('Taobao React CSS-modules page (2022-23)', () => {
  const { url } = loadExpected('item-react2022.expected.json');
  const doc = () => loadFixture('item-react2022.html', url);
  const extract = (d: Document) => taobaoAdapter.extractItem(d, new URL(url));
  const el = (d: Document, tag: string, className: string, text = '') => {
    const e = d.createElement(tag);
    e.className = className;
    e.textContent = text;
    return e;
  };

  it('never takes the seller id of another shop linked from the recommendations', () => {
    const d = doc();
    for (const a of d.querySelectorAll('[class*="ShopHeader--"] a[href*="sellerId="], [class*="ShopHeaderNew--"] a[href*="sellerId="]')) a.remove();
    const listing = extract(d);
    expect(listing?.seller.id).not.toBe('3344556677');
    expect(listing?.seller.name).toBe('木语家居旗舰店');
  });

  it('takes the price a buyer pays, not the pre-discount price or a recommended item', () => {
    const d = doc();
    expect(d.querySelector('[class*="Price--extraPriceText--"]')?.textContent).toContain('398.00');
    const l = extract(d)!;
    expect(l.price).toEqual({ amount: '268.00', currency: 'CNY' });
    expect(l.title).not.toContain('特价清仓');
    expect(l.imageUrls?.join()).not.toContain('3344556677');
    expect(l.seller.id).toBe('2200798012345');
  });

  it('prefers the SecurityPrice price when the page shows one', () => {
    const d = doc();
    const wrap = el(d, 'div', 'SecurityPrice--root--2pYx3kN');
    wrap.append(el(d, 'span', 'SecurityPrice--unit--1vW0Q7c', '¥'), el(d, 'span', 'SecurityPrice--priceText--1oEHppn', '258.00'));
    d.querySelector('[class*="Price--root--"]')!.after(wrap);
    expect(extract(d)?.price).toEqual({ amount: '258.00', currency: 'CNY' });
  });

  it('gives no price rather than the pre-discount one when the price has not arrived', () => {
    const d = doc();
    d.querySelector('[class*="Price--priceText--"]')!.textContent = '';
    expect(extract(d)?.price).toBeNull();
  });

  it('reads the title by its module prefix when it is not an h1', () => {
    const d = doc();
    const h1 = d.querySelector('h1')!;
    h1.replaceWith(el(d, 'div', h1.className, h1.textContent ?? ''));
    expect(extract(d)?.title).toBe('北欧实木床头柜 简约现代卧室小型储物柜 免安装 床边收纳柜');
  });

  it('uses the large picture when the item has no thumbnails', () => {
    const d = doc();
    d.querySelector('[class*="PicGallery--thumbnails--"]')!.remove();
    expect(extract(d)?.imageUrls).toEqual(['https://gw.alicdn.com/imgextra/i1/2200798012345/O1CN01Ns3bHk1XyZ8Front_!!2200798012345.jpg']);
  });

  it('reads the newer shop header (ShopHeaderNew)', () => {
    const d = doc();
    const link = el(d, 'a', 'ShopHeaderNew--detailWrap--2EaIo2Y');
    link.setAttribute('href', '//shop106573201.taobao.com/?spm=a21n57.1.0.0.7b2f523c&scm=1007.40986.275655.0');
    link.append(el(d, 'span', 'ShopHeaderNew--shopName--1l5RPn4', ' 木语家居旗舰店 '));
    const header = el(d, 'div', 'ShopHeaderNew--root--1qXk0aR');
    header.append(link);
    d.querySelector('[class*="ShopHeader--root--"]')!.replaceWith(header);
    const l = extract(d)!;
    expect(l.seller.name).toBe('木语家居旗舰店');
    expect(l.seller.shopUrl).toBe('https://shop106573201.taobao.com/');
  });

  it('finds the shop link inside the header block when the block is not itself a link', () => {
    const d = doc();
    const board = d.querySelector('[class*="ShopHeader--board--"]')!;
    const div = el(d, 'div', board.className);
    const inner = el(d, 'a', '', '木语家居旗舰店');
    inner.setAttribute('href', '//shop106573201.taobao.com/index.htm?spm=a21n57.1.0.0');
    div.append(el(d, 'div', 'ShopHeader--title--2qsBE1A', '木语家居旗舰店'), inner);
    board.replaceWith(div);
    expect(extract(d)?.seller).toEqual({ name: '木语家居旗舰店', id: '2200798012345', shopUrl: 'https://shop106573201.taobao.com/index.htm' });
  });

  it('returns null until the shop header is on the page (data arriving by XHR)', () => {
    const d = doc();
    d.querySelector('[class*="ShopHeader--root--"]')!.remove();
    expect(extract(d)).toBeNull();
  });
});
