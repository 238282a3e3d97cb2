// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOAD_BOUND_MS, loadForCapture, pageContext } from './capture-complete.ts';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
});
afterEach(() => vi.useRealTimers());

/** An image that loads (or not) when its src is set, as a browser would. */
function img(attrs: Record<string, string>, loads: boolean): HTMLImageElement {
  const el = document.createElement('img');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  let ok = false;
  Object.defineProperty(el, 'complete', { get: () => ok || !loads });
  Object.defineProperty(el, 'naturalWidth', { get: () => (ok ? 800 : 0) });
  const setSrc = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!.set!;
  Object.defineProperty(el, 'src', { get: () => el.getAttribute('src') ?? '', set: (v: string) => (setSrc.call(el, v), loads && setTimeout(() => (ok = true), 300)) });
  document.body.append(el);
  return el;
}

async function run(p: Promise<unknown>) {
  await vi.advanceTimersByTimeAsync(LOAD_BOUND_MS + 500);
  return p;
}

describe('a capture is sealed only once the listing is really loaded', () => {
  it('asks a lazy main image to load now and waits for it, matching CDN size variants', async () => {
    const lazy = img({ src: 'data:image/gif;base64,R0lGOD', 'data-src': '//img.alicdn.com/imgextra/i1/O1CN01abc.jpg_q50.jpg_.webp', loading: 'lazy' }, true);
    document.body.append('¥ 199');
    const missing = await run(loadForCapture(window, { imageUrls: ['https://img.alicdn.com/imgextra/i1/O1CN01abc.jpg'], prices: ['199.00'] }));
    expect(lazy.getAttribute('src')).toBe('//img.alicdn.com/imgextra/i1/O1CN01abc.jpg_q50.jpg_.webp');
    expect(lazy.loading).toBe('eager');
    expect(missing).toEqual([]);
  });

  it('says which image and which price still showed a placeholder when the bound ran out', async () => {
    img({ src: 'https://img.alicdn.com/bao/main.jpg' }, false);
    document.body.append('¥ --');
    const missing = await run(loadForCapture(window, { imageUrls: ['https://img.alicdn.com/bao/main.jpg'], prices: ['88.50'] }));
    expect(missing).toEqual([
      { what: 'image', detail: 'https://img.alicdn.com/bao/main.jpg' },
      { what: 'price', detail: 'the price 88.50 is not shown on the page' },
    ]);
  });

  it('says so when none of the main images is on the page at all', async () => {
    document.body.append('¥ 12');
    const missing = await run(loadForCapture(window, { imageUrls: ['https://img.alicdn.com/elsewhere.jpg'], prices: ['12.00'] }));
    expect(missing).toEqual([{ what: 'image', detail: expect.stringContaining('none of the listing') }]);
  });

  it('reports the page context: its URL, and whether it was in front', () => {
    expect(pageContext(window)).toMatchObject({ url: document.URL, redirectCount: 0, visible: expect.any(Boolean), focused: expect.any(Boolean) });
  });
});
