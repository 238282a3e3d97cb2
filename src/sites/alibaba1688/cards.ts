import type { CardMatch } from '../adapter.ts';
import type { ListingInput } from '../../shared/model.ts';
import { attrOf, cardElements, firstValue, imageOf, pick, pickAll, textOf } from '../dom.ts';
import { parsePrice } from '../price.ts';
import { absoluteUrl } from '../urls.ts';
import { canonicalUrl, itemIdFromUrl, pageKind } from './detect.ts';
import { COMPANY, SHOP_LINK } from './selectors.ts';

// Offer cards of s.1688.com search and of a supplier's shop offer list
// (<shop>.1688.com/page/offerlist.htm). Search cards name their supplier; offer-list cards
// do not, the shop header names it once for the whole page.

export const CARDS = {
  CARD: [
    '.space-offer-card-box', // 2024-26 search: one box per offer (link + supplier row)
    '.offer-list-row-offer', // shop offer list: one li per offer
  ],
  /** Sponsored search results (P4P) link through a click-tracking host. */
  AD: '[data-p4p="1"]',
  LINK: ['a[href*="/offer/"]'], // the offer link (search: the whole card body)
  ID_ATTR: ['data-offer-id', 'data-offerid'], // search box, shop li
  TITLE: ['.title-text[title]', '.title a[title]', '.title-text', '.title a'], // search, shop (attribute first: text may be cut)
  PRICE: ['.price-item .text-main', '.price .price-num', '.price-num'], // search, shop: digits without the ¥
  IMAGE: ['img.main-img', '.image img', 'img'], // the offer picture
  CARD_COMPANY: ['.offer-shop-row .company-name', '.company-name'], // search: the supplier under each card
};

const ID = /^\d{6,20}$/;

function idOf(card: Element, base: URL): string | null {
  for (const name of CARDS.ID_ATTR) {
    const v = attrOf(card, name);
    if (v && ID.test(v)) return v;
  }
  for (const a of pickAll(card, CARDS.LINK)) {
    const u = absoluteUrl(a.getAttribute('href'), base);
    const id = u && itemIdFromUrl(u);
    if (id) return id;
  }
  return null;
}

interface Supplier {
  name: string;
  shopUrl: string | null;
}

/** A shop URL as the site's own address (https, no path): `<loginId>.1688.com`. */
function shopHome(href: string | null, base: URL): string | null {
  const u = absoluteUrl(href, base);
  if (!u || !/^[a-z0-9-]+\.1688\.com$/i.test(u.hostname) || ['www', 'detail', 's', 'm'].includes(u.hostname.split('.')[0]!)) return null;
  return `https://${u.hostname.toLowerCase()}/`;
}

function supplierOf(el: Element | null, base: URL): Supplier | null {
  if (!el) return null;
  const name = attrOf(el, 'title') ?? textOf(el);
  return name ? { name, shopUrl: shopHome(el.getAttribute('href'), base) } : null;
}

/** The shop page's own supplier, from its header (outside any card). */
function pageSupplier(doc: ParentNode, base: URL): Supplier | null {
  const cardSel = CARDS.CARD.join();
  const el = pickAll(doc, [...SHOP_LINK, ...COMPANY]).find((e) => !e.closest(cardSel)) ?? null;
  const found = supplierOf(el, base);
  return found ? { name: found.name, shopUrl: found.shopUrl ?? `https://${base.hostname.toLowerCase()}/` } : null;
}

export function extractCards(root: ParentNode, url: URL): CardMatch[] {
  const candidates = cardElements(root, CARDS.CARD.join());
  if (!candidates.length) return [];
  const doc = (root as Node).ownerDocument ?? root;
  const page = pageKind(url) === 'shop' ? pageSupplier(doc, url) : null;
  const out: CardMatch[] = [];
  const seen = new Set<string>();
  for (const card of candidates) {
    if (card.matches(CARDS.AD)) continue;
    const id = idOf(card, url);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const supplier = supplierOf(pick(card, CARDS.CARD_COMPANY), url) ?? page;
    const title = firstValue(card, CARDS.TITLE, (el) => attrOf(el, 'title') ?? textOf(el));
    if (!title || !supplier) continue;
    const amount = parsePrice(firstValue(card, CARDS.PRICE, textOf));
    const image = firstValue(card, CARDS.IMAGE, (el) => imageOf(el, url));
    const listing: ListingInput = {
      marketplace: '1688',
      itemId: id,
      skuId: null,
      url: canonicalUrl(url, id),
      title,
      price: amount ? { amount, currency: 'CNY' } : null,
      imageUrls: image ? [image] : [],
      seller: { name: supplier.name, id: null, shopUrl: supplier.shopUrl },
      unavailable: false,
    };
    out.push({ element: card, listing });
  }
  return out;
}
