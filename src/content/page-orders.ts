import type { ItemAnnotation } from '../shared/messages.ts';
import type { Listing } from '../shared/model.ts';
import { worldState } from '../shared/world.ts';

/** A recognised card of the page and its listing as the page read it. */
export interface CardHandle {
  element: Element;
  listing: Listing;
}

export type SelectOutcome = 'added' | 'removed' | 'has_request' | 'full';

/**
 * What the page's features offer to the worker's orders (the keyboard commands and the link
 * menu), which arrive outside any click on our UI. Features provide their part while they
 * run; the last provider of a member wins. No schema here: marketplace pages load this.
 */
export interface PageOrders {
  /** "Flag this listing": the item page's form, or the focused card's; false when nothing is to flag. */
  flagFocused: () => boolean;
  /** Selects or unselects the focused card; null when no card is focused. `count`: selected now. */
  toggleFocused: () => { itemId: string; outcome: SelectOutcome; count: number } | null;
  /** Opens the toolbar's flag form; false when nothing is selected. */
  flagSelection: () => boolean;
  /** The recognised card that contains `el`, with its listing. */
  cardAround: (el: Element) => CardHandle | null;
  /** Adds the card to the selection (not a card that has a request: that takes "flag again"). */
  select: (card: CardHandle) => { outcome: SelectOutcome; count: number };
  /** A flag made outside the page's own UI (the link menu): the page shows its new requests. */
  flagged: (filed: Listing[], annotations: ItemAnnotation[]) => void;
  /** The request this device has for an item, as the page knows it. */
  annotationOf: (itemId: string) => ItemAnnotation | null;
}

// One list per page (world.ts): the features add to it, the capture responder (a chunk of its
// own, loaded on demand) reads it.
const providers = worldState('page-orders', () => [] as Partial<PageOrders>[]);

/** Provides part of the page's orders until `signal` aborts (or the returned function is called). */
export function provideOrders(part: Partial<PageOrders>, signal?: AbortSignal): () => void {
  providers.push(part);
  const stop = () => {
    const i = providers.indexOf(part);
    if (i >= 0) providers.splice(i, 1);
  };
  signal?.addEventListener('abort', stop, { once: true });
  return stop;
}

/** The current provider of one member, if any feature offers it. */
export function order<K extends keyof PageOrders>(key: K): PageOrders[K] | undefined {
  for (let i = providers.length - 1; i >= 0; i--) {
    const fn = providers[i]![key];
    if (fn) return fn;
  }
  return undefined;
}
