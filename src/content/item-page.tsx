import { render } from 'preact';
import type { SiteAdapter } from '../sites/adapter.ts';
import type { Listing } from '../shared/model.ts';
import { itemListing } from './item-listing.ts';
import { ItemPanel } from './item-panel.tsx';
import { mount } from './mount.ts';
import { waitFor } from './wait-for.ts';
import { t } from '../shared/i18n.ts';

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
  render(listing ? <ItemPanel listing={listing} /> : <Unreadable />, layer);
  signal.addEventListener('abort', () => render(null, layer), { once: true });
}

function Unreadable() {
  return (
    <section class="panel" data-testid="listing-unreadable" aria-label={t('content_panel_title')}>
      <div class="head">{t('content_panel_title')}</div>
      <p>{t('content_unreadable')}</p>
    </section>
  );
}
