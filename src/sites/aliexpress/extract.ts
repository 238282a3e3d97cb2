import type { ListingInput, Money } from '../../shared/model.ts';
import { LIMITS } from '../../shared/limits.ts';
import { normaliseSpace } from '../../shared/text.ts';
import { attrOf, firstValue, imageOf, pickAll, textOf } from '../dom.ts';
import { absoluteUrl, distinct, imageUrl } from '../urls.ts';
import { canonicalUrl, handles, itemIdFromUrl, skuIdFromUrl, storeIdFromUrl } from './detect.ts';
import { moneyFromText } from './money.ts';
import { readItemData } from './page-data.ts';
import * as S from './selectors.ts';

// Item extraction: runParams data first (2023 pages), then the DOM (2024-09 on, where the
// data arrives by XHR and the page embeds none).

/** A store link's number, from any AliExpress host. */
export function storeIdOfLink(raw: string | null | undefined, base: URL): string | null {
  const u = absoluteUrl(raw, base);
  return u && handles(u) ? storeIdFromUrl(u) : null;
}

/** Stores have one address, like items, whatever the language subdomain. */
export const storeUrl = (storeId: string) => `https://www.aliexpress.com/store/${storeId}`;

function domPrice(doc: Document): Money | null {
  for (const el of pickAll(doc, S.PRICE)) {
    const m = moneyFromText(textOf(el));
    if (m) return m;
  }
  return null;
}

export function extractItem(doc: Document, url: URL): ListingInput | null {
  const data = readItemData(doc);
  const itemId = itemIdFromUrl(url) ?? data.itemId;
  const title = normaliseSpace(data.title ?? '') || firstValue(doc, S.TITLE, textOf);
  const storeName = normaliseSpace(data.storeName ?? '') || firstValue(doc, S.STORE_NAME, (el) => attrOf(el, 'title') ?? textOf(el));
  if (!itemId || !title || !storeName) return null;

  const storeId = data.storeId ?? storeIdOfLink(data.storeUrl, url) ?? firstValue(doc, S.STORE_LINK, (a) => storeIdOfLink(a.getAttribute('href'), url));
  const price = data.price ?? domPrice(doc);
  const fromData = distinct(data.images.map((src) => imageUrl(src, url)), LIMITS.images);
  const images = fromData.length ? fromData : distinct(pickAll(doc, S.IMAGES).map((el) => imageOf(el, url)), LIMITS.images);

  return {
    marketplace: 'aliexpress',
    itemId,
    skuId: skuIdFromUrl(url),
    url: canonicalUrl(url, itemId),
    title,
    price,
    imageUrls: images,
    seller: { name: storeName, id: storeId, shopUrl: storeId ? storeUrl(storeId) : null },
    unavailable: false,
  };
}
