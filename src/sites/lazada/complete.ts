import type { ListingInput } from '../../shared/model.ts';
import { extractItem } from './extract.ts';

// Cards loaded after the page (Load more, later pages by XHR) are not in window.pageData,
// and the card markup never names the seller. The listing's own product page does: it is
// read at flag time, on the site the user is on (same origin as the search page).

/** The listing with the seller its product page names; null when that page does not say. */
export async function completeListing(listing: ListingInput, pageUrl: URL, load: (url: URL) => Promise<Document>): Promise<ListingInput | null> {
  if (listing.seller?.name) return listing;
  const page = new URL(`/products/i${listing.itemId}${listing.skuId ? `-s${listing.skuId}` : ''}.html`, pageUrl.origin);
  let item: ListingInput | null;
  try {
    item = extractItem(await load(page), page);
  } catch {
    return null;
  }
  if (!item || item.itemId !== listing.itemId || !item.seller?.name) return null;
  return { ...listing, seller: item.seller };
}
