import type { ListingInput, Marketplace } from '../shared/model.ts';

export type PageKind = 'item' | 'search' | 'shop' | 'other';

/** A listing card on a search or shop page, with the element to annotate and select. */
export interface CardMatch {
  element: Element;
  listing: ListingInput;
}

/**
 * Everything the core knows about a marketplace. Core code reaches a site only through
 * this interface (via the registry), so a new site is a new folder and one registry line.
 * Adapters return raw page data; the content runtime validates it with the Listing schema.
 */
export interface SiteAdapter {
  id: Marketplace;
  /** Example URLs per kind; a test checks every adapter accepts its own and rejects all others'. */
  examples: Record<PageKind, string[]>;
  /** The host belongs to this site. */
  handles(url: URL): boolean;
  pageKind(url: URL): PageKind;
  /** Item pages: null when the page does not (yet) show enough to build a listing. */
  extractItem(doc: Document, url: URL): ListingInput | null;
  /** Search and shop pages. */
  extractCards?(root: ParentNode, url: URL): CardMatch[];
  /**
   * Search and shop pages in two steps, for the content script's hot path: the card elements
   * under `root` (one query, cheap enough for the whole page, `root` included when it is a
   * card), then one card's listing, read only when that card comes near the viewport; null
   * while the card does not show enough. `extractCards` is the two together.
   */
  findCards?(root: ParentNode): Element[];
  readCard?(card: Element, url: URL): ListingInput | null;
  /** The listing's URL without tracking parameters. */
  canonicalUrl(url: URL, itemId: string): string;
  /**
   * Other marketplaces whose listings this site's pages show (Taobao search lists Tmall
   * items). The worker accepts a flag only for listings of these and of `id`.
   */
  alsoLists?: Marketplace[];
}
