import type { ListingInput, Marketplace } from '../shared/model.ts';

export type PageKind = 'item' | 'search' | 'shop' | 'other';

/** A listing card on a search or shop page, with the element to annotate and select. */
export interface CardMatch {
  element: Element;
  listing: ListingInput;
}

/**
 * What is known of a marketplace from URLs alone: pure, no DOM. The manifest derives its
 * content scripts and host permissions from these, and the worker reads only these, so
 * neither carries the page readers. Each site folder's `site.ts` exports one.
 */
export interface SiteDefinition {
  id: Marketplace;
  /**
   * Chrome match patterns of the pages the content script runs on; also the host
   * permissions. `*://` so the end-to-end tests' plain-http fixture server is matched too.
   */
  matches: readonly string[];
  /**
   * Match patterns of links to this site's listings (item pages): the context menu's
   * "Flag this listing" appears on these links. Coarse (a pattern cannot test the query):
   * the item id is still read with `itemIdFromUrl`; tests check every item example is covered
   * and no search or shop example is.
   */
  itemLinks: readonly string[];
  /** Example URLs per kind; tests check each is recognised here, covered by `matches`, and by no other site. */
  examples: Record<PageKind, string[]>;
  /** The host belongs to this site. */
  handles(url: URL): boolean;
  pageKind(url: URL): PageKind;
  /** The listing an item-page URL names; null for any other URL. */
  itemIdFromUrl(url: URL): string | null;
  /** The listing's one address when the page declares none: no tracking parameters. */
  canonicalUrl(url: URL, itemId: string): string;
  /**
   * Other marketplaces whose listings this site's pages show (Taobao search lists Tmall
   * items). The worker accepts a flag only for listings of these and of `id`.
   */
  alsoLists?: Marketplace[];
}

/**
 * A site definition plus its page readers (content script only). Core code reaches a site
 * only through this interface, so a new site is a new folder and one registry line.
 * Adapters return raw page data; the content runtime validates it with the Listing schema.
 */
export interface SiteAdapter extends SiteDefinition {
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
  /**
   * Cards whose page data does not cover them (loaded later) may lack what the API requires
   * and the card does not show (Lazada's seller). At flag time this reads it from the
   * marketplace's own page for that listing (`load` fetches and parses a same-site page);
   * null when it cannot be read there: never a guess.
   */
  completeListing?(listing: ListingInput, pageUrl: URL, load: (url: URL) => Promise<Document>): Promise<ListingInput | null>;
}
