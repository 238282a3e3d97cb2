import type { PageKind } from '../adapter.ts';

// Taobao page detection. The examples are the contract: the registry test checks each is
// recognised as its kind here and rejected by every other site.
export const examples: Record<PageKind, string[]> = {
  item: [
    'https://item.taobao.com/item.htm?id=637145790668',
    'https://item.taobao.com/item.htm?spm=a21n57.1.0.0.5c4d523cFq2wMl&id=637145790668&ns=1&abbucket=7',
    'https://item.taobao.com/item.htm?id=525814460723&skuId=4871234567890',
    'http://item.taobao.com/item.htm?id=637145790668',
    'https://world.taobao.com/item/637145790668.htm',
    'https://m.intl.taobao.com/detail/detail.html?id=637145790668',
    'https://h5.m.taobao.com/awp/core/detail.htm?id=637145790668&spm=a1z3i.7c',
    'https://a.m.taobao.com/i637145790668.htm',
  ],
  search: [
    'https://s.taobao.com/search?q=%E5%8F%8C%E8%82%A9%E5%8C%85',
    'https://s.taobao.com/search?page=2&q=backpack&tab=all',
  ],
  shop: [
    'https://shop143694441.taobao.com/',
    'https://shop143694441.taobao.com/search.htm?spm=a1z10.1-c.0.0&search=y',
    'https://examplebrand.taobao.com/search.htm?search=y&orderType=hotsell_desc',
    'https://examplebrand.taobao.com/category-1567890123.htm',
    'https://examplebrand.taobao.com/view_shop.htm',
    'https://store.taobao.com/search.htm?user_number_id=2136510393',
  ],
  other: [
    'https://www.taobao.com/',
    'https://taobao.com/',
    'https://item.taobao.com/item.htm',
    'https://item.taobao.com/item.htm?id=abc',
    'https://s.taobao.com/',
    'https://world.taobao.com/',
    'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm',
    'https://cart.taobao.com/cart.htm',
    'https://login.taobao.com/member/login.jhtml',
    'https://examplebrand.taobao.com/',
  ],
};

const ID = /^\d{5,20}$/;
/** Subdomains that are Taobao's own services, never a shop's name. */
const NOT_SHOPS = new Set(['www', 'item', 's', 'world', 'login', 'buyertrade', 'cart', 'i', 'h5', 'm', 'a', 'store']);

export function handles(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (url.protocol === 'https:' || url.protocol === 'http:') && (host === 'taobao.com' || host.endsWith('.taobao.com'));
}

function param(url: URL, name: string): string | null {
  const v = url.searchParams.get(name);
  return v && ID.test(v) ? v : null;
}

/** The item id an item URL names, by route; null when the URL is not an item page. */
export function itemIdFromUrl(url: URL): string | null {
  if (!handles(url)) return null;
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  switch (host) {
    case 'item.taobao.com':
      return path === '/item.htm' ? (param(url, 'id') ?? fallbackId(url)) : null;
    case 'world.taobao.com':
      return /^\/item\/(\d{5,20})\.htm$/.exec(path)?.[1] ?? null;
    case 'm.intl.taobao.com':
      return path === '/detail/detail.html' ? param(url, 'id') : null;
    case 'h5.m.taobao.com':
      return path === '/awp/core/detail.htm' ? param(url, 'id') : null;
    case 'a.m.taobao.com':
      return /^\/i(\d{5,20})\.htm$/.exec(path)?.[1] ?? null;
    default:
      return null;
  }
}

/** Old share links name the id differently (spec: itemId, item_id, num_iid). */
function fallbackId(url: URL): string | null {
  return /(?:itemId|item_id|num_iid)[=:]\s*(\d{5,20})/.exec(url.search)?.[1] ?? null;
}

/** The SKU the URL preselects, if any. */
export function skuIdFromUrl(url: URL): string | null {
  return param(url, 'skuId');
}

export function pageKind(url: URL): PageKind {
  if (!handles(url)) return 'other';
  if (itemIdFromUrl(url)) return 'item';
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  if (host === 's.taobao.com') return path === '/search' || path.startsWith('/search/') ? 'search' : 'other';
  if (/^shop\d+\.taobao\.com$/.test(host)) return 'shop';
  if (host === 'store.taobao.com') return path === '/search.htm' && param(url, 'user_number_id') ? 'shop' : 'other';
  const sub = /^([a-z0-9-]+)\.taobao\.com$/.exec(host)?.[1];
  if (sub && !NOT_SHOPS.has(sub) && /^\/(?:search\.htm|view_shop\.htm|category-\d+\.htm)$/.test(path)) return 'shop';
  return 'other';
}

/** The listing's one address: the desktop item page, with the SKU only when one was chosen. */
export function canonicalUrl(url: URL, itemId: string): string {
  const sku = skuIdFromUrl(url);
  return `https://item.taobao.com/item.htm?id=${encodeURIComponent(itemId)}${sku ? `&skuId=${sku}` : ''}`;
}
