import type { PageKind } from '../adapter.ts';
import type { PriceFormat } from '../price.ts';

// Lazada page detection, one stack for six country sites. The examples are the contract:
// the registry test checks each is recognised as its kind here and rejected by every other site.
export const examples: Record<PageKind, string[]> = {
  item: [
    'https://www.lazada.vn/products/tai-nghe-bluetooth-example-pro-chinh-hang-i3252052249-s15677372382.html',
    'https://www.lazada.vn/products/pdp-i3252052249.html?spm=a2o4n.searchlist.list.1&search=1',
    'https://www.lazada.vn/products/pdp-i3252052249-s15677372382.html',
    'https://www.lazada.com.my/products/i2804862797.html',
    'https://www.lazada.com.my/products/redmi-note-11-original-i2804862797-s13429928234.html?clickTrackInfo=query%3A%3Bnid%3A2804862797&search=1&mp=1&c=fs',
    'https://www.lazada.sg/products/example-i100200300-s400500600.html',
    'https://www.lazada.co.th/products/i1234567890-s9876543210.html',
    'https://www.lazada.com.ph/products/example-shoes-i987654321-s1122334455.html',
    'https://www.lazada.co.id/products/example-tas-ransel-i7700112233-s8800112233.html',
    'http://www.lazada.vn/products/pdp-i3252052249.html',
  ],
  search: [
    'https://www.lazada.com.my/catalog/?q=running+shoes',
    'https://www.lazada.com.my/catalog/?_keyori=ss&from=input&page=2&q=backpack&spm=a2o4k.searchlist.search.go',
    'https://www.lazada.vn/tai-nghe-bluetooth/',
    'https://www.lazada.co.th/shop-mobiles/?page=2',
    'https://www.lazada.sg/tag/wireless-earbuds/',
  ],
  shop: [
    'https://www.lazada.vn/shop/example-official-store/',
    'https://www.lazada.com.my/shop/example-store/?itemId=2804862797&channelSource=pdp',
    'https://www.lazada.co.id/shop/example-official/?path=promotion-1234-0.htm',
  ],
  other: [
    'https://www.lazada.vn/',
    'https://www.lazada.com.my/catalog/',
    'https://www.lazada.com.my/products/',
    'https://www.lazada.com.my/products/no-id-here.html',
    'https://www.lazada.sg/cart/',
    'https://www.lazada.sg/customer/account/login/',
    'https://www.lazada.co.th/helpcenter/',
    'https://www.lazada.com.ph/wow/i/ph/campaign/flash-sale',
    'https://www.lazada.co.id/shop/',
  ],
};

export interface Country {
  /** The code in data-sku-simple ("…_VNAMZ-…"). */
  code: string;
  currency: string;
  price: PriceFormat;
}

/** The country sites by host suffix; each states prices in its own currency and style. */
const COUNTRIES: ReadonlyArray<readonly [string, Country]> = [
  ['lazada.com.my', { code: 'MY', currency: 'MYR', price: { thousands: ',' } }],
  ['lazada.sg', { code: 'SG', currency: 'SGD', price: { thousands: ',' } }],
  ['lazada.co.th', { code: 'TH', currency: 'THB', price: { thousands: ',' } }],
  ['lazada.com.ph', { code: 'PH', currency: 'PHP', price: { thousands: ',' } }],
  ['lazada.co.id', { code: 'ID', currency: 'IDR', price: { thousands: '.', wholeUnits: true } }],
  ['lazada.vn', { code: 'VN', currency: 'VND', price: { thousands: ',', wholeUnits: true } }],
];

function site(url: URL): readonly [string, Country] | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  return COUNTRIES.find(([domain]) => host === `www.${domain}` || host === domain) ?? null;
}

export function handles(url: URL): boolean {
  return site(url) !== null;
}

/** The country site `url` is on; only call with a URL `handles` accepts. */
export function countryOf(url: URL): Country {
  return (site(url) ?? COUNTRIES[0]!)[1];
}

/** `/products/<slug>-i<item>-s<sku>.html`, `/products/pdp-i<item>.html`, `/products/i<item>.html`. */
const PRODUCT_PATH = /^\/products\/(?:[^/]*-)?i(\d{3,20})(?:-s(\d{3,20}))?\.html$/;

export function itemIdFromUrl(url: URL): string | null {
  return handles(url) ? (PRODUCT_PATH.exec(url.pathname)?.[1] ?? null) : null;
}

export function skuIdFromUrl(url: URL): string | null {
  return handles(url) ? (PRODUCT_PATH.exec(url.pathname)?.[2] ?? null) : null;
}

/** First path segments that are Lazada's own services, never a category listing. */
const NOT_CATEGORIES = new Set([
  'products', 'shop', 'catalog', 'cart', 'checkout', 'customer', 'wishlist', 'helpcenter', 'wow', 'marketing',
  'order', 'orders', 'account', 'user', 'sell', 'about', 'lazmall', 'campaign', 'voucher', 'pages', 'i',
]);

export function pageKind(url: URL): PageKind {
  if (!handles(url)) return 'other';
  if (itemIdFromUrl(url)) return 'item';
  const path = url.pathname;
  if (/^\/catalog\/?$/.test(path)) return url.searchParams.get('q') ? 'search' : 'other';
  if (/^\/shop\/[^/]+(?:\/.*)?$/.test(path)) return 'shop';
  if (/^\/tag\/[^/]+\/?$/.test(path)) return 'search';
  const category = /^\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/i.exec(path)?.[1];
  return category && !NOT_CATEGORIES.has(category.toLowerCase()) ? 'search' : 'other';
}

/** `https://www.<site>/products/i<item>[-s<sku>].html`: the one address of a listing. */
export function productUrl(url: URL, itemId: string, skuId: string | null): string {
  const host = url.hostname.toLowerCase().replace(/^(?!www\.)/, 'www.');
  return `https://${host}/products/i${itemId}${skuId ? `-s${skuId}` : ''}.html`;
}

export function canonicalUrl(url: URL, itemId: string): string {
  return productUrl(url, itemId, skuIdFromUrl(url));
}
