import type { CardMatch } from '../adapter.ts';
import type { ListingInput } from '../../shared/model.ts';
import { attrOf, cardElements, firstValue, pickAll, textOf } from '../dom.ts';
import { parsePrice } from '../price.ts';
import { absoluteUrl, distinct, imageUrl } from '../urls.ts';
import { countryOf, itemIdFromUrl, productUrl, skuIdFromUrl, type Country } from './detect.ts';
import { priceText, readListItems, str } from './page-data.ts';
import { CARDS } from './selectors.ts';
import { cleanTitle, lazadaId } from './text.ts';

// Search and shop result cards. The page's own result data (window.pageData listItems)
// names the seller, which the card markup does not show; each card element is matched to
// its entry by item id. Cards the data does not cover (a later page fetched by XHR, a
// changed script) are read from their markup alone, without a seller.

type Obj = Record<string, unknown>;

/** data-sku-simple = "<itemId>_<CC>AMZ-<skuId>" (e.g. "3252052249_VNAMZ-15677372382"). */
const SKU_SIMPLE = /^(\d{1,20})_[A-Z]{2}AMZ-(\d{1,20})$/;

interface CardIds {
  itemId: string | null;
  skuId: string | null;
}

function linkOf(card: Element, base: URL): URL | null {
  for (const a of pickAll(card, CARDS.LINK)) {
    const u = absoluteUrl(a.getAttribute('href'), base);
    if (u && itemIdFromUrl(u)) return u;
  }
  return null; // ads may link through a click-tracking host: the attributes name them
}

function idsOf(card: Element, base: URL): CardIds {
  const simple = SKU_SIMPLE.exec(attrOf(card, 'data-sku-simple') ?? '');
  const link = linkOf(card, base);
  return {
    itemId: lazadaId(attrOf(card, 'data-item-id')) ?? simple?.[1] ?? (link && itemIdFromUrl(link)),
    skuId: simple?.[2] ?? (link && skuIdFromUrl(link)),
  };
}

function money(raw: unknown, country: Country): ListingInput['price'] {
  const amount = parsePrice(priceText(raw), country.price);
  return amount ? { amount, currency: country.currency } : null;
}

function fromData(item: Obj, ids: CardIds, base: URL, country: Country): ListingInput {
  const itemId = ids.itemId!;
  const skuId = lazadaId(item.skuId) ?? ids.skuId;
  return {
    marketplace: 'lazada',
    itemId,
    skuId,
    url: productUrl(base, itemId, skuId),
    title: cleanTitle(str(item.name)) ?? '',
    price: money(item.price, country) ?? money(item.priceShow, country),
    imageUrls: distinct([imageUrl(str(item.image), base)], 1),
    seller: { name: str(item.sellerName) ?? '', id: lazadaId(item.sellerId), shopUrl: null },
    unavailable: false,
  };
}

function fromMarkup(card: Element, ids: CardIds, base: URL, country: Country): ListingInput {
  const itemId = ids.itemId!;
  const img = firstValue(card, CARDS.IMAGE, (el) => (el.tagName === 'IMG' ? (el.getAttribute('data-src') ?? el.getAttribute('src')) : null));
  const title = firstValue(card, CARDS.TITLE, (a) => attrOf(a, 'title') ?? textOf(a)) ?? firstValue(card, CARDS.IMAGE, (el) => attrOf(el, 'alt'));
  return {
    marketplace: 'lazada',
    itemId,
    skuId: ids.skuId,
    url: productUrl(base, itemId, ids.skuId),
    title: cleanTitle(title) ?? '',
    price: money(firstValue(card, CARDS.PRICE, textOf), country),
    imageUrls: distinct([imageUrl(img, base)], 1),
    // The card markup does not name the seller; the Listing schema will not accept this
    // card until a source that does (the page data) covers it.
    seller: { name: '', id: null, shopUrl: null },
    unavailable: false,
  };
}

/** Every result card in `root` (a card itself, or anything holding cards), in document order. */
export function extractCards(root: ParentNode, url: URL): CardMatch[] {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const country = countryOf(url);
  const byId = new Map<string, Obj>();
  for (const item of readListItems(doc)) {
    const id = lazadaId(item.itemId) ?? lazadaId(item.nid) ?? itemIdFromUrl(absoluteUrl(str(item.itemUrl) ?? str(item.productUrl), url) ?? url);
    if (id && !byId.has(id)) byId.set(id, item);
  }
  const out: CardMatch[] = [];
  for (const card of cardElements(root, `${CARDS.CARD}, ${CARDS.LEGACY_CARD}`)) {
    const ids = idsOf(card, url);
    if (!ids.itemId) continue;
    const item = byId.get(ids.itemId);
    out.push({ element: card, listing: item ? fromData(item, ids, url, country) : fromMarkup(card, ids, url, country) });
  }
  return out;
}
