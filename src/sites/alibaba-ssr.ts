import type { ListingInput } from '../shared/model.ts';
import { LIMITS } from '../shared/limits.ts';
import { normaliseSpace } from '../shared/text.ts';
import { attrOf, firstValue, imageOf, pickAll, textOf } from './dom.ts';
import { parsePrice } from './price.ts';
import { absoluteUrl, distinct, imageUrl, withoutTracking } from './urls.ts';

// Taobao and Tmall share one item-page stack: since 2024 both serve the same server-rendered
// page ("SSR 2025", spec generation 3), and older generations differ only in selectors and
// embedded data. This module holds what they share: the generation 3 selectors and the
// field-by-field extraction, which each site feeds its own selectors and page data.

/** Item-page selectors in the order they are tried; see SSR_SELECTORS for what each does. */
export interface ItemSelectors {
  /** Regions never read (the sticky header repeats cut copies of title and price). */
  EXCLUDE: string;
  TITLE: readonly string[];
  PRICE: readonly string[];
  IMAGES: readonly string[];
  SHOP_NAME: readonly string[];
  SHOP_LINK: readonly string[];
  /** Links that carry the seller's id in their query (customer service, shop info). */
  SELLER_ID_LINKS: readonly string[];
  /** The shop id as an attribute, or as a link parameter, when no seller id is shown. */
  SHOP_ID: readonly string[];
  SHOP_ID_LINKS: readonly string[];
}

/** Generation 3 (SSR 2025): hashed CSS-module classes, matched on their stable prefix. */
export const SSR_SELECTORS: ItemSelectors = {
  EXCLUDE: '[class*="ItemHeadFixed--"]', // the sticky header: cut title, coupon price, small picture
  TITLE: [
    '[class^="mainTitle--"]', // h1.mainTitle--<hash>, full title in its title attribute
    'h1[class*="mainTitle--"]', // the same heading when another class comes first
  ],
  PRICE: [
    '[class*="highlightPrice--"] [class*="text--"]', // the price a buyer pays now
    '[class*="block2--"] [class*="unit--"] + [class*="text--"]', // price block without the highlight wrapper
  ],
  IMAGES: [
    '[class*="mainPicWrapper--"] img', // the large picture
    '[class*="thumbnailPic--"]', // gallery thumbnails (the img, or a wrapper holding it)
  ],
  SHOP_NAME: ['[class*="shopName--"]'], // shop header name, full name in its title attribute
  SHOP_LINK: ['[class*="shopHeader--"] a[href*="//shop"]'], // the shop header's link to a shopNNN host
  // Only inside the shop header: recommendations link other shops with their own sellerId.
  SELLER_ID_LINKS: [
    '[class*="shopHeader--"] a[href*="sellerId="]', // 2025 shop header links (service chat, view_shop)
    '[class*="ShopHeader--"] a[href*="sellerId="]', // 2022-23 CSS-modules shop header
    '[class*="ShopHeaderNew--"] a[href*="sellerId="]', // 2023 redesigned shop header
  ],
  SHOP_ID: ['[data-shopid]'], // shop header container
  SHOP_ID_LINKS: [
    '[class*="shopHeader--"] a[href*="shopId="]', // 2025 shop header links
    '[class*="ShopHeader--"] a[href*="shopId="]', // 2022-23 CSS-modules shop header
    '[class*="ShopHeaderNew--"] a[href*="shopId="]', // 2023 redesigned shop header
  ],
};

/** What a site read from its inline scripts; null where the page data did not say. */
export interface EmbeddedData {
  itemId: string | null;
  title: string | null;
  images: string[];
  shopName: string | null;
  sellerId: string | null;
  shopId: string | null;
  /** A price the data states (e.g. Tmall's reservePrice); the DOM's current price wins. */
  price: string | null;
}

/** How a site differs inside the shared extraction. */
export interface AlibabaSite {
  marketplace: 'taobao' | 'tmall';
  selectors: ItemSelectors;
  /** Hosts a shop link may point to; links elsewhere are not the shop. */
  shopHost: RegExp;
  /** The shop's address from its numeric shop id, where the site has one. */
  shopUrlForId(shopId: string): string | null;
  itemIdFromUrl(url: URL): string | null;
  skuIdFromUrl(url: URL): string | null;
  canonicalUrl(url: URL, itemId: string): string;
}

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string or an integer as a string; anything else null. */
export function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return null;
}

const ID = /^\d{3,20}$/;
/** A numeric id as page data gives it (string or number); null for anything else. */
export function numericId(v: unknown): string | null {
  const s = str(v);
  return s && ID.test(s) ? s : null;
}

/** The first `"key": 123` / `"key":"123"` in the scripts: SSR JSON contexts name ids this way. */
export function jsonId(scripts: readonly string[], key: string): string | null {
  const re = new RegExp(`"${key}"\\s*:\\s*"?(\\d{3,20})\\b`);
  for (const s of scripts) {
    const m = re.exec(s);
    if (m?.[1]) return m[1];
  }
  return null;
}

const titleOf = (el: Element) => attrOf(el, 'title') ?? attrOf(el, 'data-title') ?? textOf(el);
const priceOf = (el: Element) => parsePrice(el.tagName === 'INPUT' ? el.getAttribute('value') : el.textContent);

function paramOfLinks(doc: Document, selectors: readonly string[], param: string, base: URL, exclude: string): string | null {
  return firstValue(doc, selectors, (a) => {
    const v = absoluteUrl(a.getAttribute('href'), base)?.searchParams.get(param);
    return v && ID.test(v) ? v : null;
  }, exclude);
}

function shopUrlOf(el: Element, base: URL, host: RegExp): string | null {
  const u = absoluteUrl(el.getAttribute('href'), base);
  if (!u || !host.test(u.hostname)) return null;
  u.protocol = 'https:';
  return withoutTracking(u).href;
}

/** The listing on an item page: page data first, then the site's selectors, field by field. */
export function extractAlibabaItem(doc: Document, url: URL, data: EmbeddedData, site: AlibabaSite): ListingInput | null {
  const S = site.selectors;
  const itemId = site.itemIdFromUrl(url) ?? data.itemId;
  const title = normaliseSpace(data.title ?? '') || firstValue(doc, S.TITLE, titleOf, S.EXCLUDE);
  const sellerName = normaliseSpace(data.shopName ?? '') || firstValue(doc, S.SHOP_NAME, titleOf, S.EXCLUDE);
  if (!itemId || !title || !sellerName) return null;

  const amount = firstValue(doc, S.PRICE, priceOf, S.EXCLUDE) ?? parsePrice(data.price);
  const fromData = distinct(data.images.map((src) => imageUrl(src, url)), LIMITS.images);
  const images = fromData.length ? fromData : distinct(pickAll(doc, S.IMAGES, S.EXCLUDE).map((el) => imageOf(el, url)), LIMITS.images);
  const shopId = data.shopId ?? firstValue(doc, S.SHOP_ID, (el) => attrOf(el, 'data-shopid'), S.EXCLUDE) ?? paramOfLinks(doc, S.SHOP_ID_LINKS, 'shopId', url, S.EXCLUDE);
  // Seller ids before shop ids: the seller id is what search cards carry too, so the same
  // seller gets the same key from every page kind.
  const sellerId = data.sellerId ?? paramOfLinks(doc, S.SELLER_ID_LINKS, 'sellerId', url, S.EXCLUDE) ?? shopId;
  const shopUrl =
    firstValue(doc, S.SHOP_LINK, (a) => shopUrlOf(a, url, site.shopHost), S.EXCLUDE) ??
    (shopId && /^\d+$/.test(shopId) ? site.shopUrlForId(shopId) : null);

  return {
    marketplace: site.marketplace,
    itemId,
    skuId: site.skuIdFromUrl(url),
    url: site.canonicalUrl(url, itemId),
    title,
    price: amount ? { amount, currency: 'CNY' } : null,
    imageUrls: images,
    seller: { name: sellerName, id: sellerId, shopUrl },
    unavailable: false,
  };
}
