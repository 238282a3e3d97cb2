import type { ListingInput } from '../../shared/model.ts';
import { LIMITS } from '../../shared/model.ts';
import { normaliseSpace } from '../../shared/text.ts';
import { attrOf, firstValue, pickAll, textOf } from '../dom.ts';
import { parsePrice } from '../price.ts';
import { absoluteUrl, distinct, imageUrl, withoutTracking } from '../urls.ts';
import { canonicalUrl, itemIdFromUrl, skuIdFromUrl } from './detect.ts';
import { readPageData } from './page-data.ts';
import * as S from './selectors.ts';

// Item extraction for every Taobao generation at once: each field tries embedded data
// first, then the selectors (which are generation-specific, so they do not collide).

const titleOf = (el: Element) => attrOf(el, 'title') ?? attrOf(el, 'data-title') ?? textOf(el);
const priceOf = (el: Element) => parsePrice(el.tagName === 'INPUT' ? el.getAttribute('value') : el.textContent);

function imageOf(el: Element, base: URL): string | null {
  const img = el.tagName === 'IMG' ? el : el.querySelector('img');
  if (!img) return null;
  // Lazy galleries keep the real URL in data-src and a placeholder in src.
  for (const name of ['data-src', 'data-ks-lazyload', 'src']) {
    const v = img.getAttribute(name);
    if (v && !v.startsWith('data:') && !/\/s\.gif$|spaceball/i.test(v)) return imageUrl(v, base);
  }
  return null;
}

function paramOfLinks(doc: Document, selectors: readonly string[], param: string, base: URL): string | null {
  return firstValue(doc, selectors, (a) => {
    const v = absoluteUrl(a.getAttribute('href'), base)?.searchParams.get(param);
    return v && /^\d{3,20}$/.test(v) ? v : null;
  }, S.EXCLUDE);
}

function shopUrlOf(el: Element, base: URL): string | null {
  const u = absoluteUrl(el.getAttribute('href'), base);
  if (!u || !/(^|\.)taobao\.com$/i.test(u.hostname)) return null;
  u.protocol = 'https:';
  return withoutTracking(u).href;
}

export function extractItem(doc: Document, url: URL): ListingInput | null {
  const data = readPageData(doc);
  const itemId = itemIdFromUrl(url) ?? data.itemId;
  const title = normaliseSpace(data.title ?? '') || firstValue(doc, S.TITLE, titleOf, S.EXCLUDE);
  const sellerName = normaliseSpace(data.shopName ?? '') || firstValue(doc, S.SHOP_NAME, titleOf, S.EXCLUDE);
  if (!itemId || !title || !sellerName) return null;

  const amount = firstValue(doc, S.PRICE, priceOf, S.EXCLUDE);
  const fromData = distinct(data.images.map((src) => imageUrl(src, url)), LIMITS.images);
  const images = fromData.length ? fromData : distinct(pickAll(doc, S.IMAGES, S.EXCLUDE).map((el) => imageOf(el, url)), LIMITS.images);
  const shopId = data.shopId ?? firstValue(doc, S.SHOP_ID, (el) => attrOf(el, 'data-shopid'), S.EXCLUDE) ?? paramOfLinks(doc, S.SHOP_ID_LINKS, 'shopId', url);
  // Seller ids before shop ids: the seller id is what search cards carry too, so the same
  // seller gets the same key from every page kind.
  const sellerId = data.sellerId ?? paramOfLinks(doc, S.SELLER_ID_LINKS, 'sellerId', url) ?? shopId;
  const shopUrl =
    firstValue(doc, S.SHOP_LINK, (a) => shopUrlOf(a, url), S.EXCLUDE) ??
    (shopId && /^\d+$/.test(shopId) ? `https://shop${shopId}.taobao.com/` : null);

  return {
    marketplace: 'taobao',
    itemId,
    skuId: skuIdFromUrl(url),
    url: canonicalUrl(url, itemId),
    title,
    price: amount ? { amount, currency: 'CNY' } : null,
    imageUrls: images,
    seller: { name: sellerName, id: sellerId, shopUrl },
    unavailable: false,
  };
}
