import type { Listing, ListingInput } from '../shared/model.ts';
import { cardListing } from './listing-lite.ts';
import type { SiteAdapter } from '../sites/adapter.ts';
import { t } from '../shared/i18n.ts';

// Cards that are complete but for the seller (Lazada cards loaded after the page): they get
// a box, and the seller is read from the listing's own page when the user flags them. Until
// then the listing carries a visible "seller not read yet" name that never leaves this
// file's care: `complete` replaces it or refuses the flag.

export class SellerUnresolved extends Error {
  constructor(readonly itemId: string) {
    super(t('content_seller_unresolved', itemId));
  }
}

export interface SellerCompleter {
  /** The card's listing with a pending seller, or null when it lacks more than the seller. */
  accept(listing: ListingInput): Listing | null;
  /** The listings with every pending seller read; throws SellerUnresolved, filing nothing. */
  complete(listings: Listing[]): Promise<Listing[]>;
  /** Whether any of these still needs its seller read (the form says so while it is). */
  pending(listings: Listing[]): boolean;
}

export function sellerCompleter(adapter: SiteAdapter, pageUrl: URL, load: (url: URL) => Promise<Document>): SellerCompleter {
  const raw = new WeakMap<Listing, ListingInput>();
  const resolve = adapter.completeListing?.bind(adapter);
  return {
    accept(listing) {
      if (!resolve || listing.seller?.name) return null;
      // The page's check, not the schema: the worker parses what is filed (search pages load no zod).
      const card = cardListing({ ...listing, seller: { name: t('content_seller_pending'), id: null, shopUrl: null } });
      if (!card) return null;
      raw.set(card, listing);
      return card;
    },
    pending: (listings) => listings.some((l) => raw.has(l)),
    async complete(listings) {
      return Promise.all(
        listings.map(async (l) => {
          const input = raw.get(l);
          if (!input) return l;
          const got = resolve ? await resolve(input, pageUrl, load).catch(() => null) : null;
          const card = got ? cardListing(got) : null;
          if (!card || !got?.seller?.name) throw new SellerUnresolved(l.itemId);
          return card;
        }),
      );
    },
  };
}
