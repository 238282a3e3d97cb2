import { inlineScripts } from '../dom.ts';
import { readAssignedLiteral } from '../js-literal.ts';
import { isObj, jsonId, numericId as id, str, type EmbeddedData } from '../alibaba-ssr.ts';

// What Taobao embeds in inline scripts, read as text (the isolated world cannot see page
// variables). Gen 1 sets `var g_config = {…}` (a JS literal); gen 3 server-renders JSON
// contexts that name the seller and shop ids.

/** Scripts longer than this are skipped: they are bundles, not page data. */
const MAX_SCRIPT_CHARS = 1_000_000;

export type PageData = EmbeddedData;

export function readPageData(doc: ParentNode): PageData {
  const scripts = inlineScripts(doc, MAX_SCRIPT_CHARS);
  let g: Record<string, unknown> = {};
  for (const s of scripts) {
    if (!s.includes('g_config')) continue;
    const v = readAssignedLiteral(s, 'g_config');
    if (isObj(v)) {
      g = v;
      break;
    }
  }
  const idata = isObj(g.idata) ? g.idata : {};
  const item = isObj(idata.item) ? idata.item : {};
  const images = Array.isArray(item.auctionImages) ? item.auctionImages.map(str).filter((s): s is string => !!s) : [];
  return {
    itemId: id(g.itemId) ?? id(item.id) ?? jsonId(scripts, 'itemId'),
    title: str(item.title),
    images,
    shopName: str(g.shopName),
    sellerId: id(g.sellerId) ?? jsonId(scripts, 'sellerId'),
    shopId: id(g.shopId) ?? jsonId(scripts, 'shopId'),
    price: null,
  };
}
