import { describe, expect, it } from 'vitest';
import { canonicalUrl, pageKind } from './detect.ts';

describe('Tmall URLs', () => {
  it('keeps only the id and a chosen SKU in the canonical address', () => {
    const u = new URL('https://detail.tmall.com/item.htm?spm=a220m.1&id=560123456789&skuId=3611234567890&user_id=1&rn=x&pvid=y');
    expect(canonicalUrl(u, '560123456789')).toBe('https://detail.tmall.com/item.htm?id=560123456789&skuId=3611234567890');
  });

  it('sends mobile and supermarket pages to the desktop address, tmall.hk to its own', () => {
    expect(canonicalUrl(new URL('https://detail.m.tmall.com/item.htm?id=560123456789'), '560123456789')).toBe('https://detail.tmall.com/item.htm?id=560123456789');
    expect(canonicalUrl(new URL('https://chaoshi.detail.tmall.com/item.htm?id=560123456789'), '560123456789')).toBe('https://detail.tmall.com/item.htm?id=560123456789');
    expect(canonicalUrl(new URL('https://detail.tmall.hk/item.htm?id=612345678901'), '612345678901')).toBe('https://detail.tmall.hk/hk/item.htm?id=612345678901');
  });

  it('does not take look-alike hosts', () => {
    expect(pageKind(new URL('https://detail.tmall.com.evil.example/item.htm?id=560123456789'))).toBe('other');
    expect(pageKind(new URL('https://nottmall.com/item.htm?id=560123456789'))).toBe('other');
  });
});
