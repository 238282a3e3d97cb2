import { isObj, jsonId, numericId, str, type EmbeddedData } from '../alibaba-ssr.ts';
import { inlineScripts } from '../dom.ts';
import { readCallArgument } from '../js-literal.ts';

// What Tmall embeds in inline scripts, read as text (the isolated world cannot see page
// variables). The old generation calls `TShop.Setup({…})` with a JSON-ish literal (itemDO,
// rateConfig, rstShopId, propertyPics); the current one server-renders the same JSON
// contexts as Taobao's SSR 2025 pages, which name the ids only.

/** Scripts longer than this are skipped: they are bundles, not page data. */
const MAX_SCRIPT_CHARS = 1_000_000;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (isObj(v) ? v : {});

function setupData(scripts: readonly string[]): Obj {
  for (const s of scripts) {
    if (!s.includes('TShop.Setup')) continue;
    const v = readCallArgument(s, 'TShop.Setup');
    if (isObj(v)) return v;
  }
  return {};
}

/** Old pages' `<meta name="microscope-data" content="…;shopId=1;userid=2;">` (the page's own ids). */
function microscope(doc: ParentNode, key: string): string | null {
  const content = doc.querySelector('meta[name="microscope-data"]')?.getAttribute('content') ?? '';
  return numericId(new RegExp(`(?:^|;)\\s*${key}=(\\d+)`, 'i').exec(content)?.[1]);
}

export function readPageData(doc: ParentNode): EmbeddedData {
  const scripts = inlineScripts(doc, MAX_SCRIPT_CHARS);
  // Loose `"sellerId": …` matches are trusted only in the SSR JSON contexts: other scripts
  // (recommendation widgets) name other items' and sellers' ids.
  const contexts = [...doc.querySelectorAll('script[type="application/json"]:not([src])')].map((s) => s.textContent ?? '');
  const setup = setupData(scripts);
  const itemDO = obj(setup.itemDO);
  const rate = obj(setup.rateConfig);
  const pics = obj(setup.propertyPics).default;
  return {
    // rateConfig and itemDO name this item; a loose "itemId" elsewhere may be a recommendation.
    itemId: numericId(rate.itemId) ?? numericId(itemDO.itemId) ?? jsonId(contexts, 'itemId'),
    title: str(itemDO.title),
    images: Array.isArray(pics) ? pics.map(str).filter((s): s is string => !!s) : [],
    shopName: null, // TShop.Setup does not carry it: the shop card does
    sellerId: numericId(rate.sellerId) ?? numericId(itemDO.userId) ?? microscope(doc, 'userid') ?? jsonId(contexts, 'sellerId'),
    shopId: numericId(setup.rstShopId) ?? microscope(doc, 'shopId') ?? jsonId(contexts, 'shopId'),
    price: str(itemDO.reservePrice),
  };
}
