import type { Listing } from '../shared/model.ts';
import type { PageState } from './page-state.ts';
import { sameSeller, shiftRange, type Anchor } from './selection.ts';

export interface CardPicks {
  /** A trusted click on a card's box; `shift` extends from the last box clicked. */
  pick(listing: Listing, shift: boolean): void;
  /** "Select all from this seller": every loaded, selectable card of the card's seller. */
  seller(listing: Listing): void;
  sellerKnown(listing: Listing): boolean;
}

/**
 * The selection gestures of a search page over its state. `loaded` gives every card loaded so
 * far in the page's order (reading the cards not read yet): called on a gesture only, never
 * per card.
 */
export function cardPicks(
  state: PageState,
  loaded: () => Listing[],
  /** False for a card whose seller is read only when it is flagged: it has no seller to group by yet. */
  sellerKnown: (listing: Listing) => boolean = () => true,
): CardPicks {
  let anchor: Anchor | null = null;
  return {
    sellerKnown,
    pick(listing, shift) {
      const range = shift ? shiftRange(loaded().map((l) => l.itemId), anchor, listing.itemId) : null;
      if (!range) {
        state.toggle(listing);
        anchor = { itemId: listing.itemId, selected: state.selected.has(listing.itemId) };
        return;
      }
      if (range.select) {
        const inRange = new Set(range.itemIds);
        // Cards that already have a request are skipped by selectMany (not selectable).
        state.selectMany(loaded().filter((l) => inRange.has(l.itemId)));
      } else state.unselectMany(range.itemIds);
      // The next shift-click extends from here, the same way.
      anchor = { itemId: listing.itemId, selected: range.select };
    },
    seller(listing) {
      if (!sellerKnown(listing)) return;
      state.selectMany(sameSeller(loaded().filter(sellerKnown), listing));
    },
  };
}
