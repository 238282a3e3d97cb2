import { describe, expect, it } from 'vitest';
import { describeItemFixtures } from '../item-fixtures.test-kit.ts';
import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';
import { tmallAdapter } from './index.ts';

const load = (page: string, url: string) => loadSiteFixture('tmall', page, url);

describeItemFixtures('Tmall', tmallAdapter, 'tmall', ['item-ssr2025.html', 'item-tshop.html']);

describe('Tmall current (SSR 2025) page', () => {
  const { url } = loadSiteExpected('tmall', 'item-ssr2025.expected.json');
  const doc = () => load('item-ssr2025.html', url);
  const extract = (d: Document, u = url) => tmallAdapter.extractItem(d, new URL(u));

  it('ignores the sticky header and the recommendations', () => {
    const l = extract(doc())!;
    expect(l.price?.amount).toBe('1099.00');
    expect(l.seller.name).toBe('Example美妆官方旗舰店');
    expect(l.imageUrls?.join()).not.toContain('Sticky');
  });

  it('keeps tmall.hk items on their own host, and the mobile page on the desktop address', () => {
    expect(extract(doc(), 'https://detail.tmall.hk/item.htm?id=688123456789&spm=a1z10')?.url).toBe('https://detail.tmall.hk/hk/item.htm?id=688123456789');
    expect(extract(doc(), 'https://detail.m.tmall.com/item.htm?id=688123456789')?.url).toBe('https://detail.tmall.com/item.htm?id=688123456789');
  });

  it('takes the seller id from the shop links without page data, and no shop address from a shop id alone', () => {
    const d = doc();
    d.querySelector('#__ICE_APP_DATA__')!.remove();
    expect(extract(d)?.seller.id).toBe('2207418093265');
    for (const a of d.querySelectorAll('[class*="shopHeader--"] a[href*=".tmall."]')) a.removeAttribute('href');
    expect(extract(d)?.seller).toEqual({ name: 'Example美妆官方旗舰店', id: '2207418093265', shopUrl: null });
  });

  it('returns null until the shop name is on the page', () => {
    const d = doc();
    d.querySelector('[class*="shopHeader--"]')!.remove();
    expect(extract(d)).toBeNull();
  });
});

describe('Tmall old (TShop) page', () => {
  const { url } = loadSiteExpected('tmall', 'item-tshop.expected.json');
  const doc = () => load('item-tshop.html', url);
  const extract = (d: Document, u = url) => tmallAdapter.extractItem(d, new URL(u));
  const dropSetup = (d: Document) => {
    for (const s of d.querySelectorAll('script')) if (s.textContent?.includes('TShop.Setup')) s.remove();
  };

  it("reads the item's own ids from TShop.Setup, not the recommendation config before it", () => {
    const l = extract(doc(), 'https://detail.tmall.com/item.htm')!;
    expect(l.itemId).toBe('573829104562');
    expect(l.seller.id).toBe('2206731859');
  });

  it('prefers the promotion price, then the list price, then reservePrice', () => {
    const d = doc();
    d.querySelector('.tm-promo-price .tm-price')!.textContent = '';
    expect(extract(d)?.price).toEqual({ amount: '399.00', currency: 'CNY' });
    d.querySelector('.tm-price-panel')!.remove();
    d.querySelector('.tm-promo-panel')!.remove();
    d.querySelector('#J_TjWaterfall')!.remove();
    expect(extract(d)?.price).toEqual({ amount: '399.00', currency: 'CNY' });
    for (const s of d.querySelectorAll('script')) if (s.textContent?.includes('TShop.Setup')) s.textContent = s.textContent.replace('"reservePrice":"399.00"', '"reservePrice":"1,299.00"');
    expect(extract(d)?.price?.amount).toBe('1299.00');
  });

  it('falls back to the DOM and the microscope-data meta without TShop.Setup', () => {
    const d = doc();
    dropSetup(d);
    const l = extract(d)!;
    expect(l.title).toBe('Example 运动鞋男2019新款 透气网面跑步鞋 减震轻便 官方正品');
    expect(l.seller).toEqual({ name: 'Example运动官方旗舰店', id: '2206731859', shopUrl: 'https://examplesport.tmall.com/' });
    d.querySelector('meta[name="microscope-data"]')!.remove();
    expect(extract(d)?.seller.id).toBeNull(); // never the recommendation widget's seller
    expect(l.imageUrls).toEqual([
      'https://img.alicdn.com/imgextra/i1/2206731859/O1CN01Shoe1_!!2206731859.jpg',
      'https://img.alicdn.com/imgextra/i2/2206731859/O1CN01Shoe2_!!2206731859.jpg',
      'https://img.alicdn.com/imgextra/i3/2206731859/O1CN01Shoe3_!!2206731859.jpg',
    ]);
  });

  it('gives no item without an id in the URL or the page data', () => {
    const d = doc();
    dropSetup(d);
    for (const s of d.querySelectorAll('script')) s.remove();
    expect(extract(d, 'https://detail.tmall.com/item.htm')).toBeNull();
  });
});
