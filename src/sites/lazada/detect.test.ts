import { describe, expect, it } from 'vitest';
import { canonicalUrl, countryOf, itemIdFromUrl, pageKind, skuIdFromUrl } from './detect.ts';

describe('Lazada URLs', () => {
  it('takes the ids at the end of the product path, whatever the slug holds', () => {
    const u = new URL('https://www.lazada.vn/products/iphone-i15-pro-case-i3252052249-s15677372382.html?spm=x');
    expect(itemIdFromUrl(u)).toBe('3252052249');
    expect(skuIdFromUrl(u)).toBe('15677372382');
    expect(skuIdFromUrl(new URL('https://www.lazada.vn/products/pdp-i3252052249.html'))).toBeNull();
  });

  it('gives one canonical address per listing, on the www host, without tracking', () => {
    expect(canonicalUrl(new URL('http://lazada.sg/products/x-i100200300-s400500600.html?spm=a&clickTrackInfo=b#r'), '100200300')).toBe(
      'https://www.lazada.sg/products/i100200300-s400500600.html',
    );
    expect(canonicalUrl(new URL('https://www.lazada.co.th/products/pdp-i1234567890.html'), '1234567890')).toBe('https://www.lazada.co.th/products/i1234567890.html');
  });

  it('knows the currency and number style of each country site', () => {
    expect(countryOf(new URL('https://www.lazada.co.id/')).currency).toBe('IDR');
    expect(countryOf(new URL('https://www.lazada.co.id/')).price.thousands).toBe('.');
    expect(countryOf(new URL('https://www.lazada.com.ph/')).currency).toBe('PHP');
  });

  it('does not take look-alike hosts or non-product paths', () => {
    expect(pageKind(new URL('https://www.lazada.vn.evil.example/products/i1.html'))).toBe('other');
    expect(pageKind(new URL('https://www.lazada.com/products/i3252052249.html'))).toBe('other');
    expect(pageKind(new URL('https://www.lazada.vn/products/i3252052249.htm'))).toBe('other');
  });
});
