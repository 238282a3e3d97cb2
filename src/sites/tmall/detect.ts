import type { PageKind } from '../adapter.ts';

// Tmall page detection. The examples are the contract: the registry test checks each is
// recognised as its kind here and rejected by every other site.
export const examples: Record<PageKind, string[]> = {
  item: [
    'https://detail.tmall.com/item.htm?id=560123456789',
    'https://detail.tmall.com/item.htm?spm=a220m.1000858.1000725.1.6a1f3c2bXyZ&id=560123456789&skuId=3611234567890&user_id=2136510393&cat_id=2&is_b=1&rn=4f1c',
    'https://detail.m.tmall.com/item.htm?id=560123456789',
    'https://detail.tmall.hk/hk/item.htm?id=612345678901',
    'https://detail.tmall.hk/item.htm?id=612345678901&spm=a1z10.3-b',
    'https://chaoshi.detail.tmall.com/item.htm?id=560123456789',
    'http://detail.tmall.com/item.htm?id=560123456789',
  ],
  search: [
    'https://list.tmall.com/search_product.htm?q=%CB%AB%BC%E7%B0%FC',
    'https://list.tmall.com/search_product.htm?spm=a220m.1000858&q=backpack&sort=s&style=g',
    'https://list.tmall.com/search_product.htm?cat=50072686',
  ],
  shop: [
    'https://examplebrand.tmall.com/search.htm?spm=a1z10.1-b-s&search=y',
    'https://examplebrand.tmall.com/category-1567890123.htm',
    'https://examplebrand.tmall.com/view_shop.htm',
  ],
  other: [
    'https://www.tmall.com/',
    'https://tmall.com/',
    'https://detail.tmall.com/item.htm',
    'https://detail.tmall.com/item.htm?id=abc',
    'https://list.tmall.com/',
    'https://list.tmall.com/search_product.htm',
    'https://examplebrand.tmall.com/',
    'https://cart.tmall.com/cart.htm',
    'https://buy.tmall.com/order/confirm_order.htm',
    'https://detail.tmall.hk/',
    'https://www.tmall.hk/',
  ],
};

const ID = /^\d{5,20}$/;
/** Subdomains that are Tmall's own services, never a shop's name. */
const NOT_SHOPS = new Set(['www', 'detail', 'list', 'login', 'cart', 'buy', 'pages', 'chaoshi', 'm', 'vip', 'service']);
/** Hosts that serve item pages at /item.htm (tmall.hk also at /hk/item.htm). */
const ITEM_HOSTS = new Set(['detail.tmall.com', 'detail.m.tmall.com', 'chaoshi.detail.tmall.com']);

export function handles(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    (host === 'tmall.com' || host.endsWith('.tmall.com') || host === 'tmall.hk' || host.endsWith('.tmall.hk'))
  );
}

function param(url: URL, name: string): string | null {
  const v = url.searchParams.get(name);
  return v && ID.test(v) ? v : null;
}

const isHk = (url: URL) => url.hostname.toLowerCase() === 'detail.tmall.hk';

/** The item id an item URL names; null when the URL is not an item page. */
export function itemIdFromUrl(url: URL): string | null {
  if (!handles(url)) return null;
  const host = url.hostname.toLowerCase();
  if (ITEM_HOSTS.has(host) && url.pathname === '/item.htm') return param(url, 'id');
  if (isHk(url) && (url.pathname === '/item.htm' || url.pathname === '/hk/item.htm')) return param(url, 'id');
  return null;
}

/** The SKU the URL preselects, if any. */
export function skuIdFromUrl(url: URL): string | null {
  return param(url, 'skuId');
}

export function pageKind(url: URL): PageKind {
  if (!handles(url)) return 'other';
  if (itemIdFromUrl(url)) return 'item';
  const host = url.hostname.toLowerCase();
  if (host === 'list.tmall.com') {
    const query = url.searchParams.get('q') || url.searchParams.get('cat');
    return url.pathname === '/search_product.htm' && query ? 'search' : 'other';
  }
  const sub = /^([a-z0-9-]+)\.tmall\.com$/.exec(host)?.[1];
  if (sub && !NOT_SHOPS.has(sub) && /^\/(?:search\.htm|view_shop\.htm|category-\d+\.htm)$/.test(url.pathname)) return 'shop';
  return 'other';
}

/**
 * The listing's one address: the desktop item page, with the SKU only when one was chosen.
 * Tmall Global (tmall.hk) items keep their host: the same id is a different storefront there.
 */
export function canonicalUrl(url: URL, itemId: string): string {
  const sku = skuIdFromUrl(url);
  const base = isHk(url) ? 'https://detail.tmall.hk/hk/item.htm' : 'https://detail.tmall.com/item.htm';
  return `${base}?id=${encodeURIComponent(itemId)}${sku ? `&skuId=${sku}` : ''}`;
}
