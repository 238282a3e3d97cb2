import { inlineScripts } from '../dom.ts';
import { readAssignedLiteral } from '../js-literal.ts';

// What Taobao embeds in inline scripts, read as text (the isolated world cannot see page
// variables). Gen 1 sets `var g_config = {…}` (a JS literal); gen 3 server-renders JSON
// contexts that name the seller and shop ids.

/** Scripts longer than this are skipped: they are bundles, not page data. */
const MAX_SCRIPT_CHARS = 1_000_000;

export interface PageData {
  itemId: string | null;
  title: string | null;
  images: string[];
  shopName: string | null;
  sellerId: string | null;
  shopId: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string or an integer as a string; anything else null. */
function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return null;
}

const ID = /^\d{3,20}$/;
const id = (v: unknown) => {
  const s = str(v);
  return s && ID.test(s) ? s : null;
};

function jsonId(scripts: string[], key: string): string | null {
  const re = new RegExp(`"${key}"\\s*:\\s*"?(\\d{3,20})\\b`);
  for (const s of scripts) {
    const m = re.exec(s);
    if (m?.[1]) return m[1];
  }
  return null;
}

export function readPageData(doc: ParentNode): PageData {
  const scripts = inlineScripts(doc, MAX_SCRIPT_CHARS);
  let g: Obj = {};
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
  };
}
