// URL hygiene for everything an adapter takes from a page: absolute, http(s) only, https
// for CDN images, and without the tracking parameters marketplaces add to every link.

const MAX_URL = 2048;

/** Parameters that identify a click or an experiment, never the listing. */
export const TRACKING_PARAMS = new Set(
  ['spm', 'scm', 'trackinfo', 'clicktrackinfo', 'from', 'ali_trackid', 'pvid', 'abbucket', 'ns', 'utparam', 'xxc', 'pricetid', 'ali_refid', 'search_id', 'sourcetype', 'suid', 'shareurl', 'un', 'share_crt_v', 'sp_tk', 'ttid', 'tk', 'mytmenu', 'lwfrom', 'bxsign', 'union_lens', 'sourceid'],
);

/** `raw` resolved against `base`, http(s) only; null for anything else (data:, javascript:). */
export function absoluteUrl(raw: string | null | undefined, base: URL): URL | null {
  const s = raw?.trim();
  if (!s || s.length > MAX_URL) return null;
  try {
    const u = new URL(s, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

/** A copy of `url` without tracking parameters and fragment. */
export function withoutTracking(url: URL): URL {
  const out = new URL(url.href);
  out.hash = '';
  // forEach, not keys(): in a Firefox content script URL is the page's, seen through an Xray
  // wrapper that hides the iterator protocol of what keys() returns ("not iterable").
  const tracking: string[] = [];
  out.searchParams.forEach((_value, key) => void (TRACKING_PARAMS.has(key.toLowerCase()) && tracking.push(key)));
  for (const key of tracking) out.searchParams.delete(key);
  if (!out.searchParams.size) out.search = '';
  return out;
}

/** An image URL as the full-size https original (alicdn/lazcdn thumbnails carry `_WxH…` suffixes). */
export function imageUrl(raw: string | null | undefined, base: URL): string | null {
  const u = absoluteUrl(raw, base);
  if (!u) return null;
  u.protocol = 'https:';
  u.pathname = u.pathname.replace(/(\.(?:jpe?g|png|gif|webp))_[^/]*$/i, '$1');
  const href = withoutTracking(u).href;
  return href.length <= MAX_URL ? href : null;
}

/** Distinct non-null values in order, at most `max`. */
export function distinct(values: Iterable<string | null>, max: number): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (v && !out.includes(v)) out.push(v);
    if (out.length >= max) break;
  }
  return out;
}
