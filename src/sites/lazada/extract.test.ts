import { describe, expect, it } from 'vitest';
import { describeItemFixtures } from '../item-fixtures.test-kit.ts';
import { Listing } from '../../shared/model.ts';
import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';
import { lazadaAdapter } from './index.ts';

const load = (page: string, url: string) => loadSiteFixture('lazada', page, url);

describeItemFixtures('Lazada', lazadaAdapter, 'lazada', ['pdp-apprun.html', 'pdp-jsonld.html', 'pdp-dom.html', 'pdp-deleted.html']);

describe('Lazada app.run page (.vn)', () => {
  const { url } = loadSiteExpected('lazada', 'pdp-apprun.expected.json');
  const doc = () => load('pdp-apprun.html', url);
  const extract = (d: Document, u = url) => lazadaAdapter.extractItem(d, new URL(u));
  const script = (d: Document) => [...d.querySelectorAll('script')].find((s) => s.textContent?.includes('app.run'))!;

  it("prices the URL's SKU, not the defaults in skuInfos[\"0\"] nor the page's JSON-LD and DOM", () => {
    const l = extract(doc())!;
    expect(l.price).toEqual({ amount: '99000', currency: 'VND' });
    expect(l.imageUrls?.[0]).toContain('pro-white');
  });

  it('takes the SKU the page shows when the URL names none', () => {
    const l = extract(doc(), 'https://www.lazada.vn/products/pdp-i3252052249.html?spm=a2o4n.searchlist.list.1')!;
    expect(l.skuId).toBe('15677372381');
    expect(l.url).toBe('https://www.lazada.vn/products/i3252052249-s15677372381.html');
    expect(l.price).toEqual({ amount: '129000', currency: 'VND' });
  });

  it('reads the same data assigned to __moduleData__', () => {
    const d = doc();
    const s = script(d);
    s.textContent = s.textContent!.replace('app.run({', 'var __moduleData__ = {').replace(/\}\);\s*\} catch/, '}; app.run(__moduleData__); } catch');
    expect(extract(d)).toEqual(extract(doc()));
  });

  it('strips the site name from titles that carry it', () => {
    const d = doc();
    script(d).remove();
    for (const s of d.querySelectorAll('script[type="application/ld+json"]')) s.remove();
    d.querySelector('h1')!.remove();
    expect(extract(d)?.title).toBe('Tai nghe Bluetooth Example Pro Chống Ồn Chính Hãng - Bảo hành 12 tháng');
  });

  it('falls back to JSON-LD, then the DOM, when the module data is gone', () => {
    const d = doc();
    script(d).remove();
    const l = extract(d)!;
    expect(l.price).toEqual({ amount: '129000', currency: 'VND' });
    expect(l.seller).toEqual({ name: 'Example Official Store', id: null, shopUrl: 'https://www.lazada.vn/shop/example-official-store/' });
  });
});

describe('Lazada JSON-LD page (.co.id)', () => {
  const { url } = loadSiteExpected('lazada', 'pdp-jsonld.expected.json');
  const doc = () => load('pdp-jsonld.html', url);
  const extract = (d: Document) => lazadaAdapter.extractItem(d, new URL(url));

  it('reads og: meta without JSON-LD, and Rp prices with dot thousands from the DOM without either', () => {
    const d = doc();
    for (const s of d.querySelectorAll('script[type="application/ld+json"]')) s.remove();
    expect(extract(d)).toMatchObject({ title: 'Tas Ransel Example Urban 25L Anti Air Laptop 15.6 inch Original', price: { amount: '1250000', currency: 'IDR' } });
    for (const m of d.querySelectorAll('meta[property^="og:price"]')) m.remove();
    d.querySelector('.pdp-price_type_normal')!.textContent = 'Rp1.099.000';
    expect(extract(d)?.price).toEqual({ amount: '1099000', currency: 'IDR' });
  });

  it('skips a JSON-LD block it cannot parse', () => {
    const d = doc();
    d.querySelector('script[type="application/ld+json"]')!.textContent = '{"@type": "Product", "name": ';
    expect(extract(d)?.title).toBe('Tas Ransel Example Urban 25L Anti Air Laptop 15.6 inch Original');
  });
});

describe('Lazada prices by country site', () => {
  const { url } = loadSiteExpected('lazada', 'pdp-dom.expected.json');
  it.each([
    ['www.lazada.vn', '₫99,000', { amount: '99000', currency: 'VND' }],
    ['www.lazada.vn', '99.000 ₫', { amount: '99000', currency: 'VND' }],
    ['www.lazada.com.my', 'RM 1,299.00', { amount: '1299.00', currency: 'MYR' }],
    ['www.lazada.sg', 'S$12.90', { amount: '12.90', currency: 'SGD' }],
    ['www.lazada.co.th', '฿1,290', { amount: '1290', currency: 'THB' }],
    ['www.lazada.com.ph', '₱499.00', { amount: '499.00', currency: 'PHP' }],
    ['www.lazada.co.id', 'Rp 1.250.000', { amount: '1250000', currency: 'IDR' }],
  ])('%s shows %s', (host, text, price) => {
    const d = load('pdp-dom.html', url);
    d.querySelector('.pdp-price_type_normal')!.textContent = text;
    const u = new URL(url);
    u.hostname = host;
    const l = lazadaAdapter.extractItem(d, u)!;
    expect(l.price).toEqual(price);
    expect(l.url).toBe(`https://${host}/products/i4100223344-s18800223344.html`);
  });
});

describe('Lazada DOM-only page (.co.th)', () => {
  const { url } = loadSiteExpected('lazada', 'pdp-dom.expected.json');
  const doc = () => load('pdp-dom.html', url);

  it('returns null until the title and the seller are on the page', () => {
    const d = doc();
    d.querySelector('.seller-name__detail')!.remove();
    expect(lazadaAdapter.extractItem(d, new URL(url))).toBeNull();
  });

  it('keeps hostile page text as text', () => {
    const d = doc();
    d.querySelector('h1.pdp-mod-product-badge-title')!.textContent = '<img src=x onerror=alert(1)>\u202Egnp.exe';
    expect(Listing.parse(lazadaAdapter.extractItem(d, new URL(url))).title).toBe('<img src=x onerror=alert(1)>gnp.exe');
  });

  it('accepts only shop links on Lazada', () => {
    const d = doc();
    d.querySelector('.seller-name__detail a')!.setAttribute('href', 'https://evil.example/shop/runner-shop-th/');
    expect(lazadaAdapter.extractItem(d, new URL(url))?.seller.shopUrl).toBeNull();
  });
});

describe('Lazada deleted listing (.sg)', () => {
  const { url } = loadSiteExpected('lazada', 'pdp-deleted.expected.json');
  const doc = () => load('pdp-deleted.html', url);

  it('never takes the "no longer available" heading as the title', () => {
    const d = doc();
    const s = [...d.querySelectorAll('script')].find((x) => x.textContent?.includes('pdpTrackingData'))!;
    s.remove();
    // Nothing names the product or its seller any more: the page cannot give a listing.
    expect(lazadaAdapter.extractItem(d, new URL(url))).toBeNull();
  });

  it('marks a listing gone by the page title alone', () => {
    const other = loadSiteExpected('lazada', 'pdp-dom.expected.json').url;
    const page = load('pdp-dom.html', other);
    expect(lazadaAdapter.extractItem(page, new URL(other))?.unavailable).toBe(false);
    page.title = 'Sorry! This product is no longer available | Lazada.co.th';
    expect(lazadaAdapter.extractItem(page, new URL(other))).toMatchObject({ unavailable: true, title: 'รองเท้าวิ่ง Example Runner 3 น้ำหนักเบา ของแท้ 100%' });
  });
});
