import type { ListingInput } from '../shared/model.ts';
import type { SiteDefinition } from './adapter.ts';
import { absoluteUrl, withoutTracking } from './urls.ts';

// The page's own word on its address wins over the adapter's rebuilt one, when it is about
// the same listing: `<link rel=canonical>`, else `og:url`, without tracking parameters. A
// declared address of another item (a redirect target, a recommendation) or one that drops
// the SKU the listing was read for is not taken.

const SOURCES: ReadonlyArray<readonly [string, string]> = [
  ['link[rel="canonical"][href]', 'href'],
  ['meta[property="og:url"][content]', 'content'],
];

export function declaredCanonical(doc: Document, site: SiteDefinition, listing: Pick<ListingInput, 'itemId' | 'skuId'>, base: URL): string | null {
  for (const [selector, attr] of SOURCES) {
    const u = absoluteUrl(doc.querySelector(selector)?.getAttribute(attr), base);
    if (!u || !site.handles(u) || site.itemIdFromUrl(u) !== listing.itemId) continue;
    const clean = withoutTracking(u);
    if (listing.skuId && !clean.href.includes(listing.skuId)) continue;
    clean.protocol = 'https:';
    return clean.href;
  }
  return null;
}

/** An item reader whose listing carries the page's declared canonical URL where there is one. */
export function withDeclaredCanonical(site: SiteDefinition, read: (doc: Document, url: URL) => ListingInput | null) {
  return (doc: Document, url: URL): ListingInput | null => {
    const listing = read(doc, url);
    if (!listing) return null;
    const declared = declaredCanonical(doc, site, listing, url);
    return declared ? { ...listing, url: declared } : listing;
  };
}
