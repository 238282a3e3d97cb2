import type { CardMatch } from '../adapter.ts';
import type { ListingInput, Money } from '../../shared/model.ts';
import { normaliseSpace } from '../../shared/text.ts';
import { attrOf, cardElements, firstValue, imageOf, pick, textOf } from '../dom.ts';
import { readAssignedLiteral } from '../js-literal.ts';
import { isObj, numericId, str } from '../alibaba-ssr.ts';
import { absoluteUrl, imageUrl } from '../urls.ts';
import { canonicalUrl, handles, itemIdFromUrl } from './detect.ts';
import { storeIdOfLink, storeUrl } from './extract.ts';
import { moneyFromText, moneyFromValue } from './money.ts';

// Search result cards. The first page's results are embedded as
// `window._dida_config_._init_data_ = {data:{data:{root:{fields:{mods:{itemList:{content:[…]}}}}}}}`;
// later pages arrive by XHR and show only in the DOM, which is read as the fallback.

export const CARD = [
  '[class*="search-item-card-wrapper"]', // 2023-26 grid and list: one wrapper per product
  'a.search-card-item', // the product link itself, when a layout has no wrapper
];
const ITEM_LINK = ['a[href*="/item/"]']; // the product link
const TITLE = [
  'h3[class*="titleText--"]', // multi--titleText--: the product title
  '[class*="title--"][title]', // older cards: title in an attribute
];
const PRICE = [
  '[class*="price-sale--"]', // sale price, split across spans ("US $", "12", ".", "99")
  '[class*="price--"]', // the price block when there is no sale price
];
const IMAGE = ['img[class*="images--item--"]', 'img']; // the product picture, then any picture
const STORE = [
  '[class*="cards--store--"]', // the store name (a span: a link would nest in the card link)
  'a[href*="/store/"]', // a store link, where a layout has one
];

const MAX_SCRIPT_CHARS = 2_000_000;

interface Entry {
  title: string | null;
  price: Money | null;
  image: string | null;
  storeName: string | null;
  storeId: string | null;
}

const o = (v: unknown): Record<string, unknown> => (isObj(v) ? v : {});
const cache = new WeakMap<Element, { length: number; entries: Map<string, Entry> }>();

function entriesOf(init: unknown): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const content = ['data', 'data', 'root', 'fields', 'mods', 'itemList', 'content'].reduce<unknown>((v, k) => o(v)[k], init);
  if (!Array.isArray(content)) return out;
  for (const c of content) {
    const id = numericId(o(c).productId);
    if (!id || out.has(id)) continue;
    const sale = o(o(o(c).prices).salePrice);
    const store = o(o(c).store);
    out.set(id, {
      title: str(o(o(c).title).displayTitle),
      price: moneyFromValue(sale.minPrice, sale.currencyCode) ?? moneyFromText(str(sale.formattedPrice), str(sale.currencyCode)),
      image: str(o(o(c).image).imgUrl),
      storeName: str(store.storeName),
      storeId: numericId(store.storeId),
    });
  }
  return out;
}

function readEntries(doc: ParentNode): Map<string, Entry> {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    if (!text.includes('_init_data_') || text.length > MAX_SCRIPT_CHARS) continue;
    const hit = cache.get(script);
    if (hit?.length === text.length) return hit.entries;
    const entries = entriesOf(readAssignedLiteral(text, '_dida_config_._init_data_'));
    cache.set(script, { length: text.length, entries });
    if (entries.size) return entries;
  }
  return new Map();
}

function itemIdOf(card: Element, base: URL): string | null {
  const link = card.matches(ITEM_LINK[0]!) ? card : pick(card, ITEM_LINK);
  const u = absoluteUrl(link?.getAttribute('href'), base);
  return u && handles(u) ? itemIdFromUrl(u) : null;
}

function fromDom(card: Element, base: URL): Entry {
  const store = pick(card, STORE);
  return {
    title: firstValue(card, TITLE, (el) => attrOf(el, 'title') ?? textOf(el)),
    // The price's spans carry no spaces between them: their text joins into "US $12.99".
    price: firstValue(card, PRICE, (el) => moneyFromText(el.textContent)),
    image: firstValue(card, IMAGE, (el) => imageOf(el, base)),
    storeName: store ? (attrOf(store, 'title') ?? textOf(store)) : null,
    storeId: store ? storeIdOfLink(store.getAttribute('href'), base) : null,
  };
}

export function extractCards(root: ParentNode, url: URL): CardMatch[] {
  const candidates = cardElements(root, CARD.join());
  if (!candidates.length) return [];
  const entries = readEntries((root as Node).ownerDocument ?? root);
  const seen = new Set<string>();
  const out: CardMatch[] = [];
  for (const card of candidates) {
    if (candidates.some((c) => c !== card && c.contains(card))) continue; // a link inside its wrapper
    const id = itemIdOf(card, url);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const data = entries.get(id);
    const dom = fromDom(card, url);
    const title = normaliseSpace(data?.title ?? '') || dom.title;
    const storeName = normaliseSpace(data?.storeName ?? '') || dom.storeName;
    if (!title || !storeName) continue;
    const storeId = data?.storeId ?? dom.storeId;
    const image = imageUrl(data?.image, url) ?? dom.image;
    const listing: ListingInput = {
      marketplace: 'aliexpress',
      itemId: id,
      skuId: null,
      url: canonicalUrl(url, id),
      title,
      price: data?.price ?? dom.price,
      imageUrls: image ? [image] : [],
      seller: { name: storeName, id: storeId, shopUrl: storeId ? storeUrl(storeId) : null },
      unavailable: false,
    };
    out.push({ element: card, listing });
  }
  return out;
}
