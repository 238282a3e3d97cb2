import { describe, expect, it } from 'vitest';
import { describeItemFixtures } from '../item-fixtures.test-kit.ts';
import { Listing } from '../../shared/model.ts';
import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';
import { aliexpressAdapter } from './index.ts';

const load = (page: string) => {
  const { url } = loadSiteExpected('aliexpress', page.replace('.html', '.expected.json'));
  return { url: new URL(url), doc: () => loadSiteFixture('aliexpress', page, url) };
};

describeItemFixtures('AliExpress', aliexpressAdapter, 'aliexpress', ['item-modules.html', 'item-components.html', 'item-dom2025.html']);

describe('AliExpress runParams pages', () => {
  const dropData = (d: Document) => {
    for (const s of d.querySelectorAll('script')) if (s.textContent?.includes('runParams')) s.remove();
  };

  it('2023-06: prefers the sale price to the list price, and the data to the DOM', () => {
    const { url, doc } = load('item-modules.html');
    const d = doc();
    d.querySelector('.product-title-text')!.textContent = 'DOM title';
    const l = aliexpressAdapter.extractItem(d, url)!;
    expect(l.title).toBe('Example Canvas Backpack Unisex Large Capacity School Bag Travel Rucksack');
    expect(l.price).toEqual({ amount: '12.99', currency: 'USD' });
  });

  it('2023-07: takes the currency from currencyComponent when amounts do not name it', () => {
    const { url, doc } = load('item-components.html');
    expect(aliexpressAdapter.extractItem(doc(), url)?.price).toEqual({ amount: '11.99', currency: 'EUR' });
  });

  it('2023-07: falls back to the DOM without runParams, reading the decimal comma', () => {
    const { url, doc } = load('item-components.html');
    const d = doc();
    dropData(d);
    const l = aliexpressAdapter.extractItem(d, url)!;
    expect(l.title).toBe('Mochila de lona Example para hombre y mujer, bolso escolar de gran capacidad');
    expect(l.price).toEqual({ amount: '11.99', currency: 'EUR' });
    expect(l.seller).toEqual({ name: 'Mochilas Example Store', id: '912345678', shopUrl: 'https://www.aliexpress.com/store/912345678' });
    expect(l.imageUrls).toEqual([
      'https://ae01.alicdn.com/kf/Sa1b2c3d4e5f64a7b8c9d0e1f2a3b4c5dM.jpg',
      'https://ae01.alicdn.com/kf/Sb2c3d4e5f6a74b8c9d0e1f2a3b4c5d6eN.jpg',
    ]);
  });

  it('takes the item id from the data when the URL is an app link without one', () => {
    const { doc } = load('item-components.html');
    expect(aliexpressAdapter.extractItem(doc(), new URL('https://es.aliexpress.com/item/detail.html'))?.itemId).toBe('1005006012345678');
  });
});

describe('AliExpress DOM-only page (2024-09 on)', () => {
  const { url, doc } = load('item-dom2025.html');
  const extract = (d: Document) => aliexpressAdapter.extractItem(d, url);

  it('returns null until the title and store have arrived by XHR', () => {
    const d = doc();
    d.querySelector('[data-pl="store-name"]')!.remove();
    expect(extract(d)).toBeNull();
    const e = doc();
    e.querySelector('h1')!.remove();
    expect(extract(e)).toBeNull();
  });

  it('reads the current price, not the struck-out one or the recommendations\'', () => {
    const d = doc();
    expect(extract(d)?.price).toEqual({ amount: '15.29', currency: 'EUR' });
    d.querySelector('[class*="price-default--current--"]')!.remove();
    expect(extract(d)?.price).toEqual({ amount: '30.58', currency: 'EUR' });
  });

  it('gives no price rather than a guessed currency', () => {
    const d = doc();
    d.querySelector('[class*="price-default--current--"]')!.textContent = '15.29';
    d.querySelector('[class*="price-default--original--"]')!.remove();
    expect(extract(d)?.price).toBeNull();
  });

  it('skips the video tile and keeps pictures https and full size', () => {
    const imgs = extract(doc())!.imageUrls!;
    expect(imgs).toHaveLength(3);
    expect(imgs.every((u) => u.startsWith('https://') && u.endsWith('.jpg'))).toBe(true);
  });

  it('keeps hostile page text as text', () => {
    const d = doc();
    d.querySelector('h1')!.textContent = '<img src=x onerror=alert(1)>\u202Egnp.exe';
    expect(Listing.parse(extract(d)).title).toBe('<img src=x onerror=alert(1)>gnp.exe');
  });

  it('ignores a store link to another site', () => {
    const d = doc();
    d.querySelector('[data-pl="store-name"]')!.setAttribute('href', 'https://evil.example/store/1103456789');
    for (const a of d.querySelectorAll('a[href*="/store/"]')) if (!a.matches('[data-pl]')) a.remove();
    expect(extract(d)?.seller).toEqual({ name: 'Travel Gear Outlet Store', id: null, shopUrl: null });
  });
});
