// Which result pages belong to one search: the same address without the parameters that only
// say which page of the results (or which click led there). Pure, and without the schemas:
// the worker keys a tab's selection by it.

/**
 * Page numbers and offsets (Taobao `s`, `page`; Lazada and AliExpress `page`; 1688
 * `beginPage`) and the trackers marketplaces add on every click (`spm`, Taobao's offsets).
 */
const NOT_THE_SEARCH = new Set(['s', 'page', 'p', 'pageNo', 'beginPage', 'spm', 'bcoffset', 'ntoffset', 'data-key', 'data-value', '_', 'from', 'clk1', 'scm', '_input_charset']);

/** The search a result page belongs to: same origin and path, the same other parameters in any order. */
export function searchKey(href: string): string {
  const url = new URL(href);
  const params = [...url.searchParams].filter(([k]) => !NOT_THE_SEARCH.has(k)).sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  return `${url.origin}${url.pathname}?${new URLSearchParams(params).toString()}`;
}
