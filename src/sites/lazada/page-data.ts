import { isObj, str } from '../alibaba-ssr.ts';
import { inlineScripts } from '../dom.ts';
import { MAX_SOURCE_CHARS, readAssignedLiteral, readCallArgument, readJsLiteral } from '../js-literal.ts';

// What Lazada embeds in inline scripts, read as text (the isolated world cannot see page
// variables). Product pages hand their data to `app.run({data:{root:{fields:{…}}}})`, or
// assign it first to `var __moduleData__`; some also carry `pdpTrackingData`, a JSON string
// inside a string. Search pages assign `window.pageData = {mods:{listItems:[…]}}`.

type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});

/** Module data on a busy page runs to several hundred kilobytes; the reader's cap is the limit. */
function scriptsMentioning(doc: ParentNode, marker: string): string[] {
  return inlineScripts(doc, MAX_SOURCE_CHARS).filter((s) => s.includes(marker));
}

/** `fields` of the product page's module data: product, seller, primaryKey, skuInfos, … */
export function readModuleFields(doc: ParentNode): Obj | null {
  for (const s of scriptsMentioning(doc, 'root')) {
    for (const data of [readAssignedLiteral(s, '__moduleData__'), readCallArgument(s, 'app.run')]) {
      const fields = obj(obj(obj(obj(data).data).root).fields);
      if (Object.keys(fields).length) return fields;
    }
  }
  return null;
}

/** The tracking object (`pdt_name`, `seller_name`, `pdt_sku`, …) Lazada encodes twice. */
export function readTrackingData(doc: ParentNode): Obj | null {
  for (const s of scriptsMentioning(doc, 'pdpTrackingData')) {
    const at = /pdpTrackingData\s*=\s*(?=["'])/.exec(s);
    const text = at ? readJsLiteral(s, at.index + at[0].length) : undefined;
    if (typeof text !== 'string') continue;
    try {
      const v: unknown = JSON.parse(text);
      if (isObj(v)) return v;
    } catch {
      // not JSON after all: no tracking data
    }
  }
  return null;
}

/** The last read per document: cards arrive in batches, the script does not change between. */
const listCache = new WeakMap<object, { source: string; items: Obj[] }>();

/** Search and shop pages: `mods.listItems`. */
export function readListItems(doc: ParentNode): Obj[] {
  for (const s of scriptsMentioning(doc, 'pageData')) {
    const cached = listCache.get(doc);
    if (cached?.source === s) return cached.items;
    const data = readAssignedLiteral(s, 'window.pageData') ?? readAssignedLiteral(s, 'pageData');
    const items = obj(obj(data).mods).listItems;
    if (Array.isArray(items)) {
      const list = items.filter(isObj);
      listCache.set(doc, { source: s, items: list });
      return list;
    }
  }
  return [];
}

/** JSON-LD objects of the page, flattening `@graph`; unreadable blocks are skipped. */
export function readJsonLd(doc: ParentNode): Obj[] {
  const out: Obj[] = [];
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = s.textContent ?? '';
    if (text.length > MAX_SOURCE_CHARS) continue;
    try {
      const v: unknown = JSON.parse(text);
      for (const node of Array.isArray(v) ? v : [v]) {
        if (!isObj(node)) continue;
        out.push(node);
        if (Array.isArray(node['@graph'])) out.push(...node['@graph'].filter(isObj));
      }
    } catch {
      // a broken block: the other sources remain
    }
  }
  return out;
}

/** A price as data gives it: number, numeric string or display text. */
export function priceText(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return String(v);
  return str(v);
}

export { str };
