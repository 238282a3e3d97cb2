import { render } from 'preact';
import type { SiteAdapter } from '../sites/adapter.ts';
import { Listing } from '../shared/model.ts';
import { send } from '../shared/messaging.ts';
import { BatchToolbar } from './batch-toolbar.tsx';
import { CardOverlay, type Card } from './card-overlay.tsx';
import { watchCards } from './card-scanner.ts';
import { frameQueue, nextFrame, type Schedule } from './frame-queue.ts';
import { lookupBatcher } from './lookup-batcher.ts';
import { HOST_TAG, mount } from './mount.ts';
import { PageState } from './page-state.ts';
import { followLayout } from './follow-layout.ts';
import { fetchPage } from './fetch-page.ts';
import { sellerCompleter } from './seller-pending.ts';

export interface SearchPageOptions {
  /** How work is put into frames (tests step them by hand). */
  schedule?: Schedule;
  now?: () => number;
  lookupDebounceMs?: number;
  /** How far outside the viewport cards are annotated already. */
  rootMargin?: string;
}

/** How often the SLA countdowns on the cards are refreshed; minutes are their finest unit. */
const TICK_MS = 30_000;

/**
 * Search-results and shop pages: every recognised card gets a select box (once it comes
 * near the viewport), the cards that already have a request show it, repeat sellers are
 * marked, and a toolbar flags the selection. Follows infinite scroll until `signal` aborts.
 */
export function initSearchPage(adapter: SiteAdapter, doc: Document, url: URL, signal: AbortSignal, opts: SearchPageOptions = {}): void {
  const extract = adapter.extractCards;
  if (!extract || signal.aborted) return;
  const now = opts.now ?? Date.now;
  const { host, shadow } = mount(doc);
  const state = new PageState();
  const queue = frameQueue(opts.schedule ?? nextFrame);
  const overlay = new CardOverlay(doc, shadow, host, state, now);
  const toolbarRoot = doc.createElement('div');
  shadow.append(toolbarRoot);
  // Cards the page data does not cover may lack the seller: it is read at flag time.
  const sellers = sellerCompleter(adapter, url, fetchPage);
  render(<BatchToolbar state={state} visible={() => overlay.visibleListings()} complete={sellers.complete} />, toolbarRoot);

  const cards = new Map<Element, Card>();
  const batcher = lookupBatcher((p) => send('lookup', p), (res) => state.annotate(res.annotations, res.sellerCounts), signal, opts.lookupDebounceMs);
  const unsubscribe = state.subscribe((change) => overlay.refresh(change));

  // Cards get their UI as they come near the viewport: the cost follows the screen, not the
  // page's length. Each card is observed until its first intersection only.
  let near: Card[] = [];
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const card = e.isIntersecting ? cards.get(e.target) : undefined;
        if (!card) continue;
        io.unobserve(e.target);
        near.push(card);
      }
      if (near.length) queue.push(annotateNear, true);
    },
    { rootMargin: opts.rootMargin ?? '400px 0px' },
  );
  const annotateNear = () => {
    const batch = near.splice(0, 30); // what does not fit in this task waits for the next one
    overlay.add(batch.filter((c) => c.element.isConnected));
    if (near.length) queue.push(annotateNear, true);
  };

  watchCards({
    doc,
    queue,
    signal,
    extract: (root) => extract(root, url),
    ignore: (el) => el.localName === HOST_TAG,
    accept: ({ element, listing }) => {
      const parsed = Listing.safeParse(listing);
      const pending = parsed.success ? null : sellers.accept(listing);
      if (!parsed.success && !pending) return false;
      const card = { element, listing: parsed.success ? parsed.data : pending! };
      cards.set(element, card);
      io.observe(element);
      // A seller not known yet is not asked about: every such card would count as one seller.
      batcher.add(card.listing, parsed.success);
      return true;
    },
    onRemoved: () => {
      for (const [element] of cards) if (!element.isConnected) (cards.delete(element), io.unobserve(element));
      if (overlay.sweep()) overlay.relayout();
    },
  });
  let relayoutQueued = false;
  const stopLayout = followLayout(doc, () => {
    if (relayoutQueued) return;
    relayoutQueued = true;
    queue.push(() => ((relayoutQueued = false), overlay.relayout()), true);
  });
  const timer = setInterval(() => overlay.tick(), TICK_MS);

  signal.addEventListener(
    'abort',
    () => {
      queue.stop();
      io.disconnect();
      stopLayout();
      clearInterval(timer);
      unsubscribe();
      render(null, toolbarRoot);
      toolbarRoot.remove();
      overlay.destroy();
    },
    { once: true },
  );
}
