import type { PageKind } from '../adapter.ts';

// AliExpress page detection: www.aliexpress.com, its language subdomains (es., fr., ru.…)
// and aliexpress.us serve the same routes. The examples are the contract: the registry test
// checks each is recognised as its kind here and rejected by every other site.
export const examples: Record<PageKind, string[]> = {
  item: [
    'https://www.aliexpress.com/item/1005006123456789.html',
    'https://www.aliexpress.com/item/1005006123456789.html?spm=a2g0o.productlist.main.1.6e5bXyZ&algo_pvid=4f1c2d&pdp_npi=4%40dis%21USD&gatewayAdapt=4itemAdapt',
    'https://es.aliexpress.com/item/1005006123456789.html?gatewayAdapt=glo2esp',
    'https://fr.aliexpress.com/item/1005006123456789.html',
    'https://ru.aliexpress.com/item/1005006123456789.html',
    'https://www.aliexpress.us/item/3256806123456789.html',
    'https://aliexpress.us/item/3256806123456789.html',
    'https://www.aliexpress.com/item/Example-Canvas-Backpack-Unisex/32812345678.html',
    'https://www.aliexpress.com/i/1005006123456789.html',
    'https://m.aliexpress.com/item/1005006123456789.html',
    'https://m.aliexpress.com/app/detail.html?productId=1005006123456789',
    'https://www.aliexpress.com/store/product/Example-Backpack/1102345678_32812345678.html',
    'http://www.aliexpress.com/item/1005006123456789.html',
  ],
  search: [
    'https://www.aliexpress.com/w/wholesale-canvas-backpack.html',
    'https://www.aliexpress.com/w/wholesale-canvas-backpack.html?SearchText=canvas+backpack&page=2&spm=a2g0o.productlist.1000',
    'https://es.aliexpress.com/w/wholesale-mochila-lona.html?SearchText=mochila+lona',
    'https://www.aliexpress.com/wholesale?SearchText=canvas+backpack',
    'https://www.aliexpress.us/w/wholesale-canvas-backpack.html',
  ],
  shop: [
    'https://www.aliexpress.com/store/1102345678',
    'https://www.aliexpress.com/store/1102345678/pages/all-items.html?sortType=bestmatch_sort',
    'https://es.aliexpress.com/store/912345678',
  ],
  other: [
    'https://www.aliexpress.com/',
    'https://aliexpress.com/',
    'https://www.aliexpress.com/item/abc.html',
    'https://www.aliexpress.com/item/123.html',
    'https://www.aliexpress.com/w/wholesale.html',
    'https://www.aliexpress.com/wholesale',
    'https://www.aliexpress.com/store/',
    'https://login.aliexpress.com/',
    'https://www.aliexpress.com/p/order/index.html',
    'https://a.aliexpress.com/_mKbXyZ1',
    'https://sale.aliexpress.com/__pc/superdeals.htm',
  ],
};

const ITEM_ID = /^\d{8,20}$/;
const ITEM_PATHS = [
  /^\/item\/(?:[\w-]+\/)?(\d{8,20})\.html$/, // /item/N.html, and the old /item/<slug>/N.html
  /^\/i\/(\d{8,20})\.html$/, // share links
  /^\/store\/product\/[\w-]+\/\d+_(\d{8,20})\.html$/, // old store item pages
];
const ID_PARAMS = ['productId', 'product_id', 'itemId', 'item_id'];

export function handles(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    (host === 'aliexpress.com' || host.endsWith('.aliexpress.com') || host === 'aliexpress.us' || host.endsWith('.aliexpress.us'))
  );
}

/** The item id an item URL names; null when the URL is not an item page. */
export function itemIdFromUrl(url: URL): string | null {
  if (!handles(url)) return null;
  for (const route of ITEM_PATHS) {
    const id = route.exec(url.pathname)?.[1];
    if (id) return id;
  }
  // App and mobile detail pages name the product in the query.
  if (!/^\/(?:app\/detail|item\/detail)\.html?$/.test(url.pathname)) return null;
  for (const name of ID_PARAMS) {
    const v = url.searchParams.get(name);
    if (v && ITEM_ID.test(v)) return v;
  }
  return null;
}

/** The SKU a product link preselects (`sku_id`, or inside the `pdp_ext_f` JSON). */
export function skuIdFromUrl(url: URL): string | null {
  const direct = url.searchParams.get('sku_id') ?? url.searchParams.get('skuId');
  if (direct && /^\d{5,25}$/.test(direct)) return direct;
  return /"sku_id"\s*:\s*"(\d{5,25})"/.exec(url.searchParams.get('pdp_ext_f') ?? '')?.[1] ?? null;
}

/** The store number of a store page, or null. */
export function storeIdFromUrl(url: URL): string | null {
  return /^\/store\/(\d{3,20})(?:\/|$)/.exec(url.pathname)?.[1] ?? null;
}

export function pageKind(url: URL): PageKind {
  if (!handles(url)) return 'other';
  if (itemIdFromUrl(url)) return 'item';
  const path = url.pathname;
  if (/^\/w\/wholesale-[^/]+\.html$/.test(path)) return 'search';
  if (path === '/wholesale' && url.searchParams.get('SearchText')) return 'search';
  if (storeIdFromUrl(url)) return 'shop';
  return 'other';
}

/** One address per listing, whatever the language subdomain or tracking: the www item page. */
export function canonicalUrl(_url: URL, itemId: string): string {
  return `https://www.aliexpress.com/item/${encodeURIComponent(itemId)}.html`;
}
