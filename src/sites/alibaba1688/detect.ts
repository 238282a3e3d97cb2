import type { PageKind } from '../adapter.ts';

// 1688 (Alibaba's domestic wholesale site) page detection. The examples are the contract:
// the registry test checks each is recognised as its kind here and rejected by every other site.
export const examples: Record<PageKind, string[]> = {
  item: [
    'https://detail.1688.com/offer/712345678901.html',
    'https://detail.1688.com/offer/712345678901.html?spm=a26352.13672862.offerlist.3.5c2e1e62XyZ&cosite=-&tracelog=p4p&_p_isad=1&clickid=9f8e7d&sessionid=0a1b2c',
    'https://m.1688.com/offer/712345678901.html',
    'https://detail.m.1688.com/page/index.html?offerId=712345678901&spm=a26g8.7664812',
    'http://detail.1688.com/offer/712345678901.html',
  ],
  search: [
    'https://s.1688.com/selloffer/offer_search.htm?keywords=%CB%AB%BC%E7%B0%FC',
    'https://s.1688.com/selloffer/offer_search.htm?keywords=%E5%8F%8C%E8%82%A9%E5%8C%85&charset=utf8&beginPage=2',
  ],
  shop: [
    'https://yiwuhaoyunlai.1688.com/page/offerlist.htm',
    'https://shop1234567890abc.1688.com/page/offerlist.htm?sortType=timedown',
  ],
  other: [
    'https://www.1688.com/',
    'https://1688.com/',
    'https://detail.1688.com/offer/abc.html',
    'https://detail.1688.com/',
    'https://s.1688.com/',
    'https://login.1688.com/member/signin.htm',
    'https://work.1688.com/',
    'https://yiwuhaoyunlai.1688.com/',
  ],
};

const ID = /^\d{6,20}$/;
/** Subdomains that are 1688's own services, never a seller's shop. */
const NOT_SHOPS = new Set(['www', 'detail', 'm', 's', 'login', 'work', 'trade', 'cart', 'detail.m', 'air', 'sale']);

export function handles(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (url.protocol === 'https:' || url.protocol === 'http:') && (host === '1688.com' || host.endsWith('.1688.com'));
}

/** The offer id an item URL names; null when the URL is not an offer page. */
export function itemIdFromUrl(url: URL): string | null {
  if (!handles(url)) return null;
  const host = url.hostname.toLowerCase();
  if (host === 'detail.1688.com' || host === 'm.1688.com') return /^\/offer\/(\d{6,20})\.html$/.exec(url.pathname)?.[1] ?? null;
  if (host === 'detail.m.1688.com' && url.pathname === '/page/index.html') {
    const v = url.searchParams.get('offerId');
    return v && ID.test(v) ? v : null;
  }
  return null;
}

export function pageKind(url: URL): PageKind {
  if (!handles(url)) return 'other';
  if (itemIdFromUrl(url)) return 'item';
  const host = url.hostname.toLowerCase();
  if (host === 's.1688.com') return url.pathname === '/selloffer/offer_search.htm' ? 'search' : 'other';
  const sub = /^([a-z0-9-]+)\.1688\.com$/.exec(host)?.[1];
  if (sub && !NOT_SHOPS.has(sub) && url.pathname === '/page/offerlist.htm') return 'shop';
  return 'other';
}

/** One address per offer, whichever mobile or desktop page it was seen on. */
export function canonicalUrl(_url: URL, itemId: string): string {
  return `https://detail.1688.com/offer/${encodeURIComponent(itemId)}.html`;
}
