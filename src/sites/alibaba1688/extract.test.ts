import { describe, expect, it } from 'vitest';
import { describeItemFixtures } from '../item-fixtures.test-kit.ts';
import { loadSiteExpected, loadSiteFixture } from '../fixture-dom.test-kit.ts';
import { alibaba1688Adapter } from './index.ts';

const load = (page: string) => {
  const expected = loadSiteExpected('1688', page.replace('.html', '.expected.json'));
  return { expected, url: new URL(expected.url), doc: () => loadSiteFixture('1688', page, expected.url) };
};

describeItemFixtures('1688', alibaba1688Adapter, '1688', ['item-initdata.html', 'item-dom.html']);

describe('1688 offer pages', () => {
  const dropData = (d: Document) => {
    for (const s of d.querySelectorAll('script')) if (s.textContent?.includes('__INIT_DATA')) s.remove();
  };

  it('takes the lowest wholesale tier as the price, not a recommendation\'s', () => {
    const { url, doc } = load('item-initdata.html');
    const d = doc();
    dropData(d);
    expect(alibaba1688Adapter.extractItem(d, url)?.price).toEqual({ amount: '12.00', currency: 'CNY' });
  });

  it('falls back to the DOM without __INIT_DATA: title, company, shop, gallery', () => {
    const { url, doc, expected } = load('item-initdata.html');
    const d = doc();
    dropData(d);
    const l = alibaba1688Adapter.extractItem(d, url)!;
    expect(l.title).toBe(expected.listing.title);
    expect(l.seller).toEqual({ name: '义乌市好运来箱包有限公司', id: null, shopUrl: 'https://yiwuhaoyunlai.1688.com/' });
    expect(l.imageUrls).toEqual([
      'https://cbu01.alicdn.com/img/ibank/O1CN01Bp1aXk2J1Zx7Main_!!2212345678-0-cib.jpg',
      'https://cbu01.alicdn.com/img/ibank/O1CN01Bp2bYl3K1Zx7Side_!!2212345678-0-cib.jpg',
      'https://cbu01.alicdn.com/img/ibank/O1CN01Bp3cZm4L1Zx7Back_!!2212345678-0-cib.jpg',
      'https://cbu01.alicdn.com/img/ibank/O1CN01Bp4dAn5M1Zx7Open_!!2212345678-0-cib.jpg',
    ]);
  });

  it('gives the same listing on the mobile page, at the desktop address', () => {
    const { doc, expected } = load('item-initdata.html');
    const l = alibaba1688Adapter.extractItem(doc(), new URL('https://m.1688.com/offer/712345678901.html?spm=a26g8'))!;
    expect(l.url).toBe(expected.listing.url);
    expect(l.itemId).toBe('712345678901');
  });

  it('takes the offer id from the data when the URL has none', () => {
    const { doc } = load('item-initdata.html');
    expect(alibaba1688Adapter.extractItem(doc(), new URL('https://detail.1688.com/offer/'))?.itemId).toBe('712345678901');
  });

  it('returns null until the title and the company are on the page', () => {
    const { url, doc } = load('item-dom.html');
    const d = doc();
    d.querySelector('.company-name')!.remove();
    expect(alibaba1688Adapter.extractItem(d, url)).toBeNull();
  });

  it('refuses a shop link that leaves 1688', () => {
    const { url, doc } = load('item-dom.html');
    const d = doc();
    d.querySelector('a.company-name')!.setAttribute('href', 'https://evil.example/');
    expect(alibaba1688Adapter.extractItem(d, url)?.seller.shopUrl).toBeNull();
  });
});
