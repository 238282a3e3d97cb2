import type { CapturePage } from '../shared/messages.ts';

/** How long a capture waits for the listing's images and price before it is sealed anyway. */
export const LOAD_BOUND_MS = 4_000;

/** An image URL without scheme, query and the CDN's size suffixes (`_q50.jpg_.webp`, `_800x800.jpg`). */
function imageKey(url: string): string {
  const bare = url.replace(/^[a-z]+:\/\//i, '//').replace(/[?#].*$/, '');
  return bare.replace(/(\.(?:jpe?g|png|webp|gif))(?:_[^/]*)$/i, '$1');
}

const LAZY_ATTRS = ['data-src', 'data-ks-lazyload', 'data-lazy-src', 'data-original'];

function sourceOf(img: HTMLImageElement): string {
  for (const a of LAZY_ATTRS) {
    const v = img.getAttribute(a);
    if (v) return v;
  }
  return img.currentSrc || img.src;
}

const loaded = (img: HTMLImageElement) => img.complete && img.naturalWidth > 0;

/**
 * Makes the listing's main images really load before the capture (a lazy image is asked to
 * load now, as scrolling to it would), waits for them and for the price with a bound, and
 * says what still shows a placeholder. `extra` are images that must load too (flagged cards).
 */
export async function loadForCapture(win: Window, expect: { imageUrls: string[]; prices: string[] } | undefined, extra: Element[] = []): Promise<CapturePage['missing']> {
  const wanted = new Set((expect?.imageUrls ?? []).map(imageKey));
  const doc = win.document;
  const main = [...doc.querySelectorAll('img')].filter((img) => wanted.has(imageKey(sourceOf(img))));
  const imgs = [...main, ...extra.flatMap((el) => [...el.querySelectorAll('img')])];
  for (const img of imgs) {
    if (img.loading === 'lazy') img.loading = 'eager';
    const lazy = LAZY_ATTRS.map((a) => img.getAttribute(a)).find(Boolean);
    if (lazy && !loaded(img) && img.getAttribute('src') !== lazy) img.src = lazy;
  }
  const deadline = Date.now() + LOAD_BOUND_MS;
  const prices = expect?.prices ?? [];
  // Compared as digits: pages group and punctuate amounts their own way (1.299.000 ₫, RM 1,299.00).
  const digits = (t: string) => t.replace(/[\s,.\u00a0\u202f'’]/g, '');
  const forms = (p: string) => [digits(p), digits(p.replace(/\.0+$|(\.\d*?)0+$/, '$1'))];
  const priceShown = () => {
    const text = digits(doc.body?.innerText ?? '');
    return prices.filter((p) => !forms(p).some((f) => text.includes(f)));
  };
  let missingPrices = priceShown();
  // A broken image has finished (complete, no pixels): only images still loading are waited for.
  while ((imgs.some((i) => !i.complete) || missingPrices.length > 0) && Date.now() < deadline) {
    await new Promise((r) => win.setTimeout(r, 100));
    missingPrices = priceShown();
  }
  const missing: CapturePage['missing'] = [];
  for (const img of imgs) if (!loaded(img)) missing.push({ what: 'image', detail: sourceOf(img).slice(0, 2048) });
  for (const p of missingPrices) missing.push({ what: 'price', detail: `the price ${p} is not shown on the page` });
  if (wanted.size > 0 && main.length === 0) missing.push({ what: 'image', detail: 'none of the listing\u2019s main images is on the page' });
  return missing.slice(0, 60);
}

/** The page's side of the capture context. */
export function pageContext(win: Window): Omit<CapturePage, 'missing'> {
  const doc = win.document;
  const nav = win.performance?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    url: doc.URL.slice(0, 8192),
    redirectCount: Math.min(100, nav?.redirectCount ?? 0),
    visible: doc.visibilityState === 'visible',
    focused: typeof doc.hasFocus === 'function' ? doc.hasFocus() : false,
  };
}
