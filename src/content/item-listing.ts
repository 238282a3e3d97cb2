import type { Listing, ListingInput } from '../shared/model.ts';
import { LIMITS } from '../shared/limits.ts';
import { cardListing } from './listing-lite.ts';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const HTTP = /^https?:\/\//i;
const AMOUNT = /^\d+(\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;

const plainId = (v: unknown) => (typeof v === 'string' && ID.test(v) ? v : null);
const webUrl = (v: unknown) => (typeof v === 'string' && HTTP.test(v) && v.length <= LIMITS.url ? v : null);

/**
 * An item page's listing in the shape of the Listing schema, or null when it cannot be one.
 * Not the zod schema: the page need not load it, since the worker parses the flagged listing
 * with it anyway (the gatekeeper). What would not pass there is dropped here (a strange sku
 * or seller id, a price that is not one, extra images) so that the flag the page offers is
 * one the worker accepts.
 */
export function itemListing(input: ListingInput): Listing | null {
  const base = cardListing(input);
  if (!base || input.url.length > LIMITS.url) return null;
  const price = base.price && AMOUNT.test(String(base.price.amount)) && CURRENCY.test(String(base.price.currency)) ? base.price : null;
  const imageUrls = base.imageUrls.map(webUrl).filter((u): u is string => u !== null).slice(0, LIMITS.images);
  return {
    ...base,
    skuId: plainId(base.skuId),
    price,
    imageUrls,
    seller: { name: base.seller.name, id: plainId(base.seller.id), shopUrl: webUrl(base.seller.shopUrl) },
  };
}
