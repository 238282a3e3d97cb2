import { readAssignedLiteral } from '../js-literal.ts';
import { isObj, numericId, str } from '../alibaba-ssr.ts';

// Search gen 1 (mainsrp) renders its cards from `g_page_config = {…}` in an inline script:
// mods.itemlist.data.auctions[], one per card, keyed by nid. Its fields are cleaner than the
// DOM's (raw_title without highlight markup, the seller's user id), so they come first
// for the cards they name; cards loaded later by XHR are not in it and use the DOM.

/** A config longer than this is not read: a real one is a few hundred kilobytes. */
const MAX_SCRIPT_CHARS = 1_000_000;

export interface Auction {
  title: string | null;
  price: string | null;
  image: string | null;
  detailUrl: string | null;
  sellerName: string | null;
  sellerId: string | null;
  shopLink: string | null;
  isTmall: boolean;
}

type Auctions = ReadonlyMap<string, Auction>;
const EMPTY: Auctions = new Map();
/** Parsed once per script element (and its length, should a page rewrite it). */
const cache = new WeakMap<Element, { length: number; auctions: Auctions }>();

function auctionsOf(config: unknown): Auctions {
  const out = new Map<string, Auction>();
  if (!isObj(config) || !isObj(config.mods) || !isObj(config.mods.itemlist) || !isObj(config.mods.itemlist.data)) return out;
  const list = config.mods.itemlist.data.auctions;
  if (!Array.isArray(list)) return out;
  for (const a of list) {
    if (!isObj(a)) continue;
    const nid = numericId(a.nid);
    if (!nid || out.has(nid)) continue;
    out.set(nid, {
      title: str(a.raw_title),
      price: str(a.view_price),
      image: str(a.pic_url),
      detailUrl: str(a.detail_url),
      sellerName: str(a.nick),
      sellerId: numericId(a.user_id),
      shopLink: str(a.shopLink),
      isTmall: isObj(a.shopcard) && a.shopcard.isTmall === true,
    });
  }
  return out;
}

/** The last answer per document, and how many scripts it had then. */
const byDoc = new WeakMap<Document, { scripts: number; auctions: Auctions }>();

/**
 * The auctions the page's g_page_config names, by item id; empty when there is none. Read
 * once per document (again only when its number of scripts changes): cards are read one at
 * a time as they near the viewport, and walking every inline script for each card was the
 * biggest cost of a search page in the profile.
 */
export function readAuctions(root: ParentNode): Auctions {
  const doc = ((root as Node).ownerDocument ?? root) as Document;
  const scripts = doc.scripts?.length ?? -1;
  const known = byDoc.get(doc);
  if (known && known.scripts === scripts && scripts >= 0) return known.auctions;
  const auctions = scan(doc);
  if (scripts >= 0) byDoc.set(doc, { scripts, auctions });
  return auctions;
}

function scan(doc: ParentNode): Auctions {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    if (!text.includes('g_page_config') || text.length > MAX_SCRIPT_CHARS) continue;
    const hit = cache.get(script);
    if (hit && hit.length === text.length) return hit.auctions;
    const auctions = auctionsOf(readAssignedLiteral(text, 'g_page_config'));
    cache.set(script, { length: text.length, auctions });
    if (auctions.size) return auctions;
  }
  return EMPTY;
}
