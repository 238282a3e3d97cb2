import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { declaredCanonical } from './canonical.ts';
import { aliexpressSite } from './aliexpress/site.ts';
import { lazadaSite } from './lazada/site.ts';

const page = (head: string) => new new Window().DOMParser().parseFromString(`<html><head>${head}</head><body></body></html>`, 'text/html') as unknown as Document;
const base = new URL('https://es.aliexpress.com/item/1005006012345678.html?spm=a2g0o.home.1&gatewayAdapt=glo2esp');
const item = { itemId: '1005006012345678', skuId: null };

describe('declaredCanonical', () => {
  it("takes the page's rel=canonical for the same item, without tracking parameters", () => {
    const doc = page('<link rel="canonical" href="https://es.aliexpress.com/item/1005006012345678.html?spm=a2g0o.detail.1&amp;pvid=9">');
    expect(declaredCanonical(doc, aliexpressSite, item, base)).toBe('https://es.aliexpress.com/item/1005006012345678.html');
  });

  it('falls back to og:url, and makes a relative or http address absolute https', () => {
    expect(declaredCanonical(page('<meta property="og:url" content="/item/1005006012345678.html">'), aliexpressSite, item, base)).toBe(
      'https://es.aliexpress.com/item/1005006012345678.html',
    );
    expect(declaredCanonical(page('<meta property="og:url" content="http://www.aliexpress.com/item/1005006012345678.html">'), aliexpressSite, item, base)).toBe(
      'https://www.aliexpress.com/item/1005006012345678.html',
    );
  });

  it('ignores a declared address of another item, of another site, or one that drops the chosen SKU', () => {
    expect(declaredCanonical(page('<link rel="canonical" href="https://www.aliexpress.com/item/1005009999999999.html">'), aliexpressSite, item, base)).toBeNull();
    expect(declaredCanonical(page('<link rel="canonical" href="https://evil.example/item/1005006012345678.html">'), aliexpressSite, item, base)).toBeNull();
    expect(declaredCanonical(page('<link rel="canonical" href="javascript:alert(1)">'), aliexpressSite, item, base)).toBeNull();
    const pdp = new URL('https://www.lazada.vn/products/x-i3252052249-s15677372382.html');
    const noSku = page('<link rel="canonical" href="https://www.lazada.vn/products/tai-nghe-i3252052249.html">');
    expect(declaredCanonical(noSku, lazadaSite, { itemId: '3252052249', skuId: '15677372382' }, pdp)).toBeNull();
    expect(declaredCanonical(noSku, lazadaSite, { itemId: '3252052249', skuId: null }, pdp)).toBe('https://www.lazada.vn/products/tai-nghe-i3252052249.html');
  });
});
