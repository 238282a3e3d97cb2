import type { ItemAnnotation } from '../shared/messages.ts';
import type { Listing } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import type { Card, CardOverlay } from './card-overlay.ts';
import type { CardPicks } from './card-picks.ts';
import type { PageState } from './page-state.ts';
import { focusedCard, trackPointer } from './focused-card.ts';
import { provideOrders, type CardHandle, type SelectOutcome } from './page-orders.ts';
import { showNotice } from './page-notice.ts';

export interface SearchOrderParts {
  doc: Document;
  shadow: ShadowRoot;
  state: PageState;
  overlay: CardOverlay;
  picks: CardPicks;
  /** The cards read so far (element → card). */
  cards: Map<Element, Card>;
  signal: AbortSignal;
}

/**
 * What a search or shop page offers to the keyboard commands and the link menu: its cards
 * (the focused one, the one around a link), its selection, and the flag form for one card.
 */
export function provideSearchOrders({ doc, shadow, state, overlay, picks, cards, signal }: SearchOrderParts): void {
  trackPointer(doc, signal);
  const around = (el: Element): CardHandle | null => {
    // The innermost card: a card's element may contain a nested card's (a bundle).
    for (let node: Element | null = el; node; node = node.parentElement) {
      const card = cards.get(node);
      if (card?.element.isConnected) return card;
    }
    return null;
  };
  const byItem = (itemId: string): CardHandle | null => {
    for (const card of cards.values()) if (card.listing.itemId === itemId && card.element.isConnected) return card;
    return null;
  };
  const focused = (): CardHandle | null => {
    const listing = overlay.focusedListing();
    if (listing) return byItem(listing.itemId) ?? { element: doc.body, listing };
    return focusedCard({ doc, shadow, byItem, around });
  };
  const outcome = (itemId: string, before: boolean): SelectOutcome => {
    const now = state.selected.has(itemId);
    if (now !== before) return now ? 'added' : 'removed';
    if (!state.selectable(itemId)) return 'has_request';
    return 'full';
  };

  provideOrders(
    {
      cardAround: around,
      annotationOf: (itemId) => state.annotations.get(itemId) ?? null,
      toggleFocused: () => {
        const card = focused();
        if (!card) return null;
        const { itemId } = card.listing;
        const before = state.selected.has(itemId);
        picks.pick(card.listing, false);
        return { itemId, outcome: outcome(itemId, before), count: state.selected.size };
      },
      select: (card) => {
        const { itemId } = card.listing;
        if (state.selected.has(itemId)) return { outcome: 'added', count: state.selected.size };
        state.selectMany([card.listing]);
        return { outcome: outcome(itemId, false), count: state.selected.size };
      },
      flagFocused: () => {
        const card = focused();
        if (!card) return showNotice(doc, t('content_no_focused_card')), false;
        void import('./link-flag.tsx').then(
          (m) => m.openLinkFlag(doc, { listing: card.listing, link: null, existing: state.annotations.get(card.listing.itemId) ?? null, onFlagged: flagged }),
          () => showNotice(doc, t('content_worker_unreachable'), 'error'),
        );
        return true;
      },
      flagged: (filed, annotations) => flagged(filed, annotations),
    },
    signal,
  );
  // The page follows its cards' requests from here on (card-follow.ts), as after a toolbar flag.
  function flagged(filed: Listing[], annotations: ItemAnnotation[]) {
    state.flagged(filed, annotations);
  }
}
