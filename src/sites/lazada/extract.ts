import type { ListingInput } from '../../shared/model.ts';
import { LIMITS } from '../../shared/limits.ts';
import { normaliseSpace } from '../../shared/text.ts';
import { attrOf, firstValue, pickAll, textOf } from '../dom.ts';
import { parsePrice } from '../price.ts';
import { distinct, imageUrl } from '../urls.ts';
import { countryOf, itemIdFromUrl, productUrl, skuIdFromUrl, type Country } from './detect.ts';
import { obj, priceText, readJsonLd, readModuleFields, readTrackingData, str } from './page-data.ts';
import { PDP } from './selectors.ts';
import { cleanTitle, isGoneText, lazadaId, shopUrlOf } from './text.ts';

// Product pages, field by field from the first source that has the field: module data,
// tracking data, JSON-LD, og: meta, then the DOM. Each source states its own currency or
// none; without one, a price is in the country site's currency.

interface Found {
  itemId?: string | null;
  skuId?: string | null;
  title?: string | null;
  price?: { amount: string; currency: string } | null;
  images?: string[];
  sellerName?: string | null;
  sellerId?: string | null;
  shopUrl?: string | null;
}

type Obj = Record<string, unknown>;
const CURRENCY = /^[A-Z]{3}$/;

function money(raw: unknown, currency: unknown, country: Country): Found['price'] {
  const amount = parsePrice(priceText(raw), country.price);
  if (!amount) return null;
  const code = str(currency)?.toUpperCase();
  return { amount, currency: code && CURRENCY.test(code) ? code : country.currency };
}

function images(values: unknown[], base: URL): string[] {
  return distinct(values.map((v) => imageUrl(str(v), base)), LIMITS.images);
}

function fromModule(f: Obj, url: URL, country: Country): Found {
  const key = obj(f.primaryKey);
  const skus = obj(f.skuInfos);
  // skuInfos["0"] holds the page defaults, not a SKU: the URL's SKU, else the one shown.
  const skuId = skuIdFromUrl(url) ?? lazadaId(key.skuId);
  const sku = obj(skus[skuId ?? ''] ?? skus['0']);
  const defaults = obj(skus['0']);
  const price = obj(sku.price);
  const sale = obj(price.salePrice ?? price.originalPrice);
  const currency =
    obj(obj(sku.dataLayer).core).currencyCode ?? obj(f.globalConfig).currency ?? obj(obj(defaults.dataLayer).core).currencyCode;
  const galleries = obj(f.skuGalleries);
  const gallery = [galleries[skuId ?? ''], galleries['0']].find(Array.isArray) ?? [];
  const seller = obj(f.seller);
  return {
    itemId: lazadaId(key.itemId) ?? lazadaId(sku.itemId),
    skuId,
    title: str(obj(f.product).title),
    price: money(sale.value, currency, country) ?? money(sale.text, currency, country),
    images: images([sku.image, ...gallery.map(obj).filter((g) => g.type !== 'video').map((g) => g.src)], url),
    sellerName: str(seller.name),
    sellerId: lazadaId(seller.sellerId) ?? lazadaId(key.sellerId) ?? lazadaId(seller.shopId),
    shopUrl: shopUrlOf(str(seller.url), url),
  };
}

function fromTracking(t: Obj, url: URL, country: Country): Found {
  return {
    title: str(t.pdt_name),
    price: money(t.pdt_price, t.currency, country),
    images: images([t.pdt_photo], url),
    sellerName: str(t.seller_name),
    sellerId: lazadaId(t.seller_id),
  };
}

function fromJsonLd(nodes: Obj[], url: URL, country: Country): Found {
  const product = nodes.find((n) => n['@type'] === 'Product') ?? {};
  const offers = [product.offers].flat().map(obj);
  const offer = offers[0] ?? {};
  const seller = obj(offer.seller);
  return {
    title: str(product.name),
    price: money(offer.price ?? offer.lowPrice, offer.priceCurrency, country),
    images: images([product.image].flat(), url),
    sellerName: str(seller.name),
  };
}

function meta(doc: Document, property: string): string | null {
  const el = doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`);
  return el ? attrOf(el, 'content') : null;
}

function fromMeta(doc: Document, url: URL, country: Country): Found {
  return {
    title: meta(doc, 'og:title'),
    price:
      money(meta(doc, 'og:price:amount'), meta(doc, 'og:price:currency'), country) ??
      money(meta(doc, 'product:price:amount'), meta(doc, 'product:price:currency'), country),
    images: images([meta(doc, 'og:image')], url),
  };
}

function fromDom(doc: Document, url: URL, country: Country): Found {
  const seller = pickAll(doc, PDP.SELLER)[0];
  return {
    title: firstValue(doc, PDP.TITLE, textOf),
    price: money(firstValue(doc, PDP.PRICE, (el) => (parsePrice(el.textContent, country.price) ? textOf(el) : null)), null, country),
    images: images(pickAll(doc, PDP.IMAGES).map((img) => img.getAttribute('data-src') ?? img.getAttribute('src')), url),
    sellerName: seller ? textOf(seller) : null,
    shopUrl: seller ? shopUrlOf(seller.getAttribute('href'), url) : null,
  };
}

/** The page says the listing is gone: its title, or a "not available" block. */
function isGone(doc: Document): boolean {
  if (isGoneText(doc.title)) return true;
  return pickAll(doc, PDP.GONE).some((el) => el.matches('h1') ? isGoneText(textOf(el)) : true);
}

function first<K extends keyof Found>(found: Found[], key: K, ok: (v: NonNullable<Found[K]>) => boolean = () => true): NonNullable<Found[K]> | null {
  for (const f of found) {
    const v = f[key];
    if (v !== undefined && v !== null && ok(v as NonNullable<Found[K]>)) return v as NonNullable<Found[K]>;
  }
  return null;
}

export function extractItem(doc: Document, url: URL): ListingInput | null {
  const country = countryOf(url);
  const fields = readModuleFields(doc);
  const tracking = readTrackingData(doc);
  const found = [
    fields ? fromModule(fields, url, country) : {},
    tracking ? fromTracking(tracking, url, country) : {},
    fromJsonLd(readJsonLd(doc), url, country),
    fromMeta(doc, url, country),
    fromDom(doc, url, country),
  ];
  const unavailable = isGone(doc);
  const itemId = itemIdFromUrl(url) ?? first(found, 'itemId');
  // A gone page's own heading ("Sorry! This product…") is not the listing's title.
  const title = cleanTitle(first(found, 'title', (t) => !isGoneText(t) && !!cleanTitle(t)));
  const sellerName = normaliseSpace(first(found, 'sellerName') ?? '');
  if (!itemId || !title || !sellerName) return null;

  const skuId = skuIdFromUrl(url) ?? first(found, 'skuId');
  return {
    marketplace: 'lazada',
    itemId,
    skuId,
    url: productUrl(url, itemId, skuId),
    title,
    price: first(found, 'price'),
    imageUrls: first(found, 'images', (list) => list.length > 0) ?? [],
    seller: { name: sellerName, id: first(found, 'sellerId'), shopUrl: first(found, 'shopUrl') },
    unavailable,
  };
}
