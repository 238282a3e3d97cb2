import { describe, expect, it } from 'vitest';
import { absoluteUrl, imageUrl, withoutTracking } from './urls.ts';

const base = new URL('http://item.taobao.com/item.htm?id=1');

describe('urls', () => {
  it('makes CDN images absolute https originals', () => {
    expect(imageUrl('//img.alicdn.com/imgextra/i1/1/O1CN01a_!!1.jpg_110x10000Q75.jpg_.webp', base)).toBe('https://img.alicdn.com/imgextra/i1/1/O1CN01a_!!1.jpg');
    expect(imageUrl('http://img.alicdn.com/a.png_60x60.png', base)).toBe('https://img.alicdn.com/a.png');
    expect(imageUrl('https://img.alicdn.com/a.jpg?spm=x&v=2', base)).toBe('https://img.alicdn.com/a.jpg?v=2');
  });

  it('refuses non-http schemes and oversized URLs', () => {
    expect(absoluteUrl('javascript:alert(1)', base)).toBeNull();
    expect(imageUrl('data:image/gif;base64,R0lGOD', base)).toBeNull();
    expect(absoluteUrl('//x.example/' + 'a'.repeat(3000), base)).toBeNull();
    expect(absoluteUrl('http://[bad', base)).toBeNull();
  });

  it('drops tracking parameters and fragments only', () => {
    const u = withoutTracking(new URL('https://shop1.taobao.com/search.htm?spm=a.b&scm=1&search=y&pvid=9#x'));
    expect(u.href).toBe('https://shop1.taobao.com/search.htm?search=y');
    expect(withoutTracking(new URL('https://shop1.taobao.com/?spm=a')).href).toBe('https://shop1.taobao.com/');
  });
});
