import type { SiteAdapter } from '../sites/adapter.ts';
import type { Listing } from '../shared/model.ts';
import { itemListing } from './item-listing.ts';
import { itemPanel, unreadablePanel } from './item-panel.ts';
import { mount } from './mount.ts';
import { waitFor } from './wait-for.ts';

export interface ItemPageOptions {
  /** How long to wait for a page that fills in after load before giving up. */
  timeoutMs?: number;
}

/** The adapter's listing, capped for display and fit for the worker's schema (item-listing.ts); null if it cannot be one. */
export function readListing(adapter: SiteAdapter, doc: Document, url: URL): Listing | null {
  try {
    const input = adapter.extractItem(doc, url);
    return input ? itemListing(input) : null;
  } catch {
    return null; // an adapter bug on a strange page must not break the page
  }
}

/** Item pages: wait for the listing, then show the panel until `signal` aborts. */
export async function initItemPage(adapter: SiteAdapter, doc: Document, url: URL, signal: AbortSignal, opts: ItemPageOptions = {}) {
  const listing = await waitFor(() => readListing(adapter, doc, url), doc.documentElement, signal, { timeoutMs: opts.timeoutMs });
  if (signal.aborted) return;
  const { layer } = mount(doc);
  // Saying so beats silence: the user would otherwise look for a Flag button that never comes.
  const remove = listing ? itemPanel(doc, layer, listing) : unreadablePanel(doc, layer);
  signal.addEventListener('abort', remove, { once: true });
}
