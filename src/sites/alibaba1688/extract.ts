import type { ListingInput } from '../../shared/model.ts';
import { LIMITS } from '../../shared/limits.ts';
import { normaliseSpace } from '../../shared/text.ts';
import { attrOf, firstValue, imageOf, pickAll, textOf } from '../dom.ts';
import { parsePrice } from '../price.ts';
import { absoluteUrl, distinct, imageUrl, withoutTracking } from '../urls.ts';
import { canonicalUrl, handles, itemIdFromUrl } from './detect.ts';
import { readOfferData } from './page-data.ts';
import * as S from './selectors.ts';

// Offer extraction: __INIT_DATA first, then the DOM. Prices are CNY on 1688.

const titleOf = (el: Element) => attrOf(el, 'title') ?? textOf(el);

/** The old gallery keeps the full-size URL in a JSON attribute: data-imgs='{"original": "…"}'. */
function galleryImage(el: Element, base: URL): string | null {
  const json = el.getAttribute('data-imgs');
  if (json) {
    try {
      const v: unknown = JSON.parse(json.slice(0, 4000));
      const original = typeof v === 'object' && v !== null ? (v as Record<string, unknown>).original : null;
      if (typeof original === 'string') return imageUrl(original, base);
    } catch {
      // not JSON: fall back to the picture itself
    }
  }
  return imageOf(el, base);
}

/** 1688 names pictures `<name>.310x310.jpg`, the original `<name>.jpg`. */
const fullSize = (u: string | null) => u?.replace(/\.\d+x\d+(\.(?:jpe?g|png|webp))$/i, '$1') ?? null;

function shopUrlOf(raw: string | null, base: URL): string | null {
  const u = absoluteUrl(raw, base);
  if (!u || !handles(u)) return null;
  u.protocol = 'https:';
  u.pathname = '/';
  return withoutTracking(u).href;
}

function lowestDomPrice(doc: Document): string | null {
  const ps = pickAll(doc, S.PRICE).map((el) => parsePrice(el.textContent)).filter((p): p is string => p !== null);
  return ps.length ? ps.reduce((a, b) => (Number(b) < Number(a) ? b : a)) : null;
}

export function extractItem(doc: Document, url: URL): ListingInput | null {
  const data = readOfferData(doc);
  const itemId = itemIdFromUrl(url) ?? data.offerId;
  const title = normaliseSpace(data.title ?? '') || firstValue(doc, S.TITLE, titleOf);
  const company = normaliseSpace(data.companyName ?? '') || firstValue(doc, S.COMPANY, titleOf);
  if (!itemId || !title || !company) return null;

  const amount = data.price ?? lowestDomPrice(doc);
  const fromData = distinct(data.images.map((src) => imageUrl(src, url)), LIMITS.images);
  const images = fromData.length ? fromData : distinct(pickAll(doc, S.IMAGES).map((el) => fullSize(galleryImage(el, url))), LIMITS.images);

  return {
    marketplace: '1688',
    itemId,
    skuId: null,
    url: canonicalUrl(url, itemId),
    title,
    price: amount ? { amount, currency: 'CNY' } : null,
    imageUrls: images,
    seller: {
      name: company,
      id: data.sellerMemberId,
      shopUrl: shopUrlOf(data.winportUrl, url) ?? firstValue(doc, S.SHOP_LINK, (a) => shopUrlOf(a.getAttribute('href'), url)),
    },
    unavailable: false,
  };
}
