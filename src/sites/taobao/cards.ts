import type { CardMatch } from '../adapter.ts';
import type { ListingInput } from '../../shared/model.ts';
import { normaliseSpace } from '../../shared/text.ts';
import { attrOf, cardElements, firstValue, imageOf, pick, pickAll, textOf } from '../dom.ts';
import { parsePrice } from '../price.ts';
import { absoluteUrl, imageUrl, withoutTracking } from '../urls.ts';
import { pageKind } from './detect.ts';
import { readAuctions, type Auction } from './search-data.ts';
import * as C from './card-selectors.ts';

// Listing cards on Taobao search and shop pages, every generation at once. A card gives
// what it shows; gen 1's embedded auctions fill in what the DOM lacks.

const ITEM_ID = /^\d{5,20}$/;
/** Siblings searched for a card's parts that the HTML parser moved out of it. */
const MAX_SPILL = 3;
const CARD_SELECTOR = C.CARD.join();

function idFromLink(el: Element): string | null {
  const v = /[?&]id=(\d{5,20})(?:&|$)/.exec(el.getAttribute('href') ?? '')?.[1];
  return v ?? null;
}

/** The item id the card names: its element id, a data attribute, or its item link. */
function itemIdOf(card: Element): string | null {
  const fromId = /^item_id_(\d{5,20})$/.exec(card.id)?.[1];
  if (fromId) return fromId;
  const data = card.getAttribute('data-id') ?? card.querySelector('[data-nid]')?.getAttribute('data-nid');
  if (data && ITEM_ID.test(data)) return data;
  const link = card.matches(C.ITEM_LINK.join()) ? card : pick(card, C.ITEM_LINK);
  return link ? idFromLink(link) : null;
}

/**
 * The card and the siblings the parser split off it: gen 2 nests the shop link inside the
 * item link, and HTML parsing closes the outer link there, moving the shop part after it
 * (with empty copies of the item link). Stops at the next card of another item.
 */
function scopeOf(card: Element, id: string, cardSelector: string): Element[] {
  const scope = [card];
  let s = card.nextElementSibling;
  for (let i = 0; s && i < MAX_SPILL; i++, s = s.nextElementSibling) {
    const others = [...(s.matches(cardSelector) ? [s] : []), ...s.querySelectorAll(cardSelector)];
    if (others.some((o) => itemIdOf(o) !== id)) break;
    scope.push(s);
  }
  return scope;
}

/** The first value read from the scope's matches: each part itself first, then inside it, selector by selector. */
function first<T>(scope: Element[], selectors: readonly string[], read: (el: Element) => T | null): T | null {
  for (const part of scope) {
    const v = selectors.some((s) => part.matches(s)) ? read(part) : null;
    if (v) return v;
    const inside = firstValue(part, selectors, read);
    if (inside) return inside;
  }
  return null;
}

const titleOf = (el: Element) => attrOf(el, 'title') ?? textOf(el);

function priceOf(scope: Element[]): string | null {
  const split = first(scope, [C.PRICE_INT], (int) => {
    const float = int.nextElementSibling?.matches(C.PRICE_FLOAT) ? (int.nextElementSibling.textContent ?? '') : '';
    return parsePrice(normaliseSpace(`${int.textContent ?? ''}${float}`).replace(/\s/g, ''));
  });
  return split ?? first(scope, C.PRICE, (el) => parsePrice(el.textContent));
}

function shopUrl(raw: string | null | undefined, base: URL): string | null {
  const u = absoluteUrl(raw, base);
  if (!u || !/(^|\.)(taobao|tmall)\.com$/i.test(u.hostname)) return null;
  u.protocol = 'https:';
  return withoutTracking(u).href;
}

interface PageSeller {
  name: string | null;
  id: string | null;
  shopUrl: string | null;
}

/** On a shop page every card is the page's shop: named in the header, ids in a meta tag. */
function pageSeller(doc: ParentNode, url: URL): PageSeller {
  const meta = pick(doc, [C.PAGE_IDS_META])?.getAttribute('content') ?? '';
  const metaId = (key: string) => new RegExp(`(?:^|;)\\s*${key}=(\\d{3,20})\\s*(?:;|$)`, 'i').exec(meta)?.[1] ?? null;
  const shopId = metaId('shopId');
  const host = url.hostname.toLowerCase();
  const own = host === 'store.taobao.com' ? withoutTracking(url).href : `https://${host}/`;
  return {
    name: pickAll(doc, C.PAGE_SHOP_NAME).map(titleOf).find(Boolean) ?? null,
    id: metaId('userid') ?? shopId,
    shopUrl: /^shop\d+\.taobao\.com$/.test(host) || !shopId ? own : `https://shop${shopId}.taobao.com/`,
  };
}

/** Tmall items appear in Taobao results; they are Tmall's listings, at Tmall's address. */
function home(link: string | null, isTmall: boolean, base: URL, id: string): Pick<ListingInput, 'marketplace' | 'url'> {
  const host = absoluteUrl(link, base)?.hostname.toLowerCase() ?? '';
  if (isTmall || host === 'detail.tmall.com') return { marketplace: 'tmall', url: `https://detail.tmall.com/item.htm?id=${id}` };
  return { marketplace: 'taobao', url: `https://item.taobao.com/item.htm?id=${id}` };
}

function listingOf(scope: Element[], id: string, data: Auction | undefined, url: URL, page: PageSeller | null): ListingInput | null {
  const title = normaliseSpace(data?.title ?? '') || first(scope, C.TITLE, titleOf);
  const sellerName = normaliseSpace(data?.sellerName ?? '') || first(scope, C.SHOP_NAME, textOf) || page?.name;
  if (!title || !sellerName) return null;
  const amount = parsePrice(data?.price) ?? priceOf(scope);
  const image = imageUrl(data?.image, url) ?? first(scope, C.IMAGE, (el) => imageOf(el, url));
  const link = data?.detailUrl ?? first(scope, C.ITEM_LINK, (a) => a.getAttribute('href'));
  const fromCard = data ? null : first(scope, [C.SELLER_ID_ATTR.selector], (el) => attrOf(el, C.SELLER_ID_ATTR.attr));
  return {
    ...home(link, data?.isTmall ?? false, url, id),
    itemId: id,
    skuId: null,
    title,
    price: amount ? { amount, currency: 'CNY' } : null,
    imageUrls: image ? [image] : [],
    seller: {
      name: sellerName,
      id: data?.sellerId ?? (fromCard && ITEM_ID.test(fromCard) ? fromCard : null) ?? (page?.name === sellerName ? page.id : null),
      shopUrl: shopUrl(data?.shopLink, url) ?? first(scope, C.SHOP_LINK, (a) => shopUrl(a.getAttribute('href'), url)) ?? (page?.name === sellerName ? page.shopUrl : null),
    },
    unavailable: false,
  };
}

/** The card elements under `root` (`root` too when it is one), one per item, in document order. */
export function findCards(root: ParentNode): Element[] {
  const seen = new Set<string>();
  const out: Element[] = [];
  // One query instead of a walk up from every card (528 of them on a long page): most
  // pages have no recommendation strip at all.
  const strips = root.querySelector(C.NOT_A_CARD) !== null || (typeof (root as Element).closest === 'function' && (root as Element).closest(C.NOT_A_CARD) !== null);
  for (const card of cardElements(root, CARD_SELECTOR)) {
    if (strips && card.closest(C.NOT_A_CARD)) continue;
    const id = itemIdOf(card);
    if (!id || seen.has(id)) continue; // the parser's empty copies of a split card come later
    seen.add(id);
    out.push(card);
  }
  return out;
}

/** One card's listing; null when it does not show enough (yet). */
export function readCard(card: Element, url: URL): ListingInput | null {
  const id = itemIdOf(card);
  if (!id) return null;
  const doc = card.ownerDocument;
  const page = pageKind(url) === 'shop' ? pageSeller(doc, url) : null;
  return listingOf(scopeOf(card, id, CARD_SELECTOR), id, readAuctions(doc).get(id), url, page);
}

/** Every listing card under `root`, in document order, one per item. */
export function extractCards(root: ParentNode, url: URL): CardMatch[] {
  return findCards(root).flatMap((element) => {
    const listing = readCard(element, url);
    return listing ? [{ element, listing }] : [];
  });
}
