import type { RequestOf, ResponseOf, SellerRef } from '../shared/messages.ts';
import type { Listing } from '../shared/model.ts';
import { LOOKUP_MAX } from '../shared/wire.ts';
import { itemKey, sellerKey } from '../shared/keys.ts';

type Lookup = (payload: RequestOf<'lookup'>) => Promise<ResponseOf<'lookup'>>;

export interface LookupBatcher {
  /** `sellerKnown` false: ask about the item only (a card whose seller is read at flag time). */
  add(listing: Listing, sellerKnown?: boolean): void;
}

/**
 * Asks the worker about the page's cards in as few messages as possible: cards found within
 * `debounceMs` of each other (the first page, a scroll batch) go in ONE lookup; each item and
 * seller is asked about once per page (a run). A batch over LOOKUP_MAX is split.
 */
export function lookupBatcher(ask: Lookup, onAnswer: (res: ResponseOf<'lookup'>) => void, signal: AbortSignal, debounceMs = 120): LookupBatcher {
  const askedItems = new Set<string>();
  const askedSellers = new Set<string>();
  let items: RequestOf<'lookup'>['items'] = [];
  let sellers: SellerRef[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let batchStart = 0;

  const flush = () => {
    timer = undefined;
    batchStart = 0;
    while (!signal.aborted && (items.length || sellers.length)) {
      const payload = { items: items.splice(0, LOOKUP_MAX), sellers: sellers.splice(0, LOOKUP_MAX) };
      ask(payload).then(
        (res) => signal.aborted || onAnswer(res),
        () => {}, // no marks when the worker cannot say; selecting and flagging still work
      );
    }
  };
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });

  return {
    add(listing, sellerKnown = true) {
      const item = itemKey(listing);
      if (!askedItems.has(item)) {
        askedItems.add(item);
        items.push({ marketplace: listing.marketplace, itemId: listing.itemId });
      }
      const seller = sellerKey(listing);
      if (sellerKnown && !askedSellers.has(seller)) {
        askedSellers.add(seller);
        sellers.push({ marketplace: listing.marketplace, sellerId: listing.seller.id, sellerName: listing.seller.name });
      }
      // Trailing debounce, but a page that keeps adding cards still gets answers.
      batchStart ||= Date.now();
      clearTimeout(timer);
      timer = setTimeout(flush, Date.now() - batchStart > 8 * debounceMs ? 0 : debounceMs);
    },
  };
}
