import { inlineScripts } from '../dom.ts';
import { readAssignedLiteral } from '../js-literal.ts';
import { isObj, numericId, str } from '../alibaba-ssr.ts';
import { parsePrice } from '../price.ts';

// What 1688 offer pages embed: `window.__INIT_DATA = {globalData:{tempModel, offerBaseInfo,
// images, skuModel, orderParamModel}, data:{…}}` (spec marketplaces.md), read as text.

/** Longer scripts are bundles, not page data. */
const MAX_SCRIPT_CHARS = 2_000_000;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (isObj(v) ? v : {});

export interface OfferData {
  offerId: string | null;
  title: string | null;
  images: string[];
  companyName: string | null;
  sellerMemberId: string | null;
  winportUrl: string | null;
  /** The lowest price the offer states: quantity tiers, SKU prices or the SKU price range. */
  price: string | null;
}

const NONE: OfferData = { offerId: null, title: null, images: [], companyName: null, sellerMemberId: null, winportUrl: null, price: null };

/** Every price the data states, as decimal strings. */
function prices(g: Obj): string[] {
  const out: (string | null)[] = [];
  const tiers = obj(obj(obj(g.orderParamModel).orderParam).skuParam).skuRangePrices;
  if (Array.isArray(tiers)) for (const t of tiers) out.push(parsePrice(str(obj(t).price)));
  const sku = obj(g.skuModel);
  for (const info of Object.values(obj(sku.skuInfoMap))) out.push(parsePrice(str(obj(info).discountPrice) ?? str(obj(info).price)));
  out.push(parsePrice(str(sku.skuPriceScale)));
  return out.filter((p): p is string => p !== null);
}

/** Wholesale prices fall with quantity: the lowest is the price a buyer can pay. */
const lowest = (ps: string[]) => (ps.length ? ps.reduce((a, b) => (Number(b) < Number(a) ? b : a)) : null);

export function readOfferData(doc: ParentNode): OfferData {
  for (const s of inlineScripts(doc, MAX_SCRIPT_CHARS)) {
    if (!s.includes('__INIT_DATA')) continue;
    const v = readAssignedLiteral(s, '__INIT_DATA');
    if (!isObj(v) || !isObj(v.globalData)) continue;
    const g = v.globalData;
    const temp = obj(g.tempModel);
    const base = obj(g.offerBaseInfo);
    const images = Array.isArray(g.images) ? g.images.map((i) => str(obj(i).fullPathImageURI)).filter((u): u is string => !!u) : [];
    const member = str(temp.sellerMemberId);
    return {
      offerId: numericId(temp.offerId) ?? numericId(base.offerId),
      title: str(temp.offerTitle),
      images,
      companyName: str(temp.companyName),
      sellerMemberId: member && /^[A-Za-z0-9_.:-]{1,64}$/.test(member) ? member : null,
      winportUrl: str(base.sellerWinportUrl),
      price: lowest(prices(g)),
    };
  }
  return NONE;
}
