import type { ListingInput, Listing } from '../shared/model.ts';
import { LIMITS } from '../shared/limits.ts';
import { capText } from '../shared/text.ts';

const ITEM_ID = /^[0-9A-Za-z_-]{1,40}$/;
const HTTP = /^https?:\/\//i;

/**
 * A card's listing in the shape of the Listing schema, or null when it cannot be one (no
 * title or seller yet, a strange id). Deliberately not the zod schema: it runs for every
 * card near the viewport on every search page, and the worker parses each flagged listing
 * with the full schema anyway (it is the gatekeeper). What is shown is capped here.
 */
export function cardListing(input: ListingInput): Listing | null {
  const title = capText(String(input.title ?? ''), LIMITS.title);
  const sellerName = capText(String(input.seller?.name ?? ''), LIMITS.sellerName);
  if (!title || !sellerName || !ITEM_ID.test(input.itemId) || !HTTP.test(input.url)) return null;
  return {
    marketplace: input.marketplace,
    itemId: input.itemId,
    skuId: input.skuId ?? null,
    url: input.url,
    title,
    price: input.price ?? null,
    imageUrls: input.imageUrls ?? [],
    seller: { name: sellerName, id: input.seller.id ?? null, shopUrl: input.seller.shopUrl ?? null },
    unavailable: input.unavailable ?? false,
  };
}
