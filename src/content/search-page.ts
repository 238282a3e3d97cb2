import type { SiteAdapter } from '../sites/adapter.ts';
import type { ListingInput } from '../shared/model.ts';
import { askWorker } from './ask-worker.ts';
import { batchToolbar } from './batch-toolbar.ts';
import { CardOverlay, type Card } from './card-overlay.ts';
import { watchCards } from './card-scanner.ts';
import { frameQueue, nextFrame, type Schedule } from './frame-queue.ts';
import { cardListing } from './listing-lite.ts';
import { lookupBatcher } from './lookup-batcher.ts';
import { HOST_TAG, mount } from './mount.ts';
import { PageState } from './page-state.ts';
import { followLayout } from './follow-layout.ts';
import { fetchPage } from './fetch-page.ts';
import { sellerCompleter } from './seller-pending.ts';
import { cardPicks } from './card-picks.ts';
import { provideSelection } from './selection.ts';
import { provideSearchOrders } from './search-orders.ts';
import { followCards, type FollowOptions } from './card-follow.ts';
import { syncSelection } from './selection-sync.ts';

export interface SearchPageOptions {
  /** How work is put into frames (tests step them by hand). */
  schedule?: Schedule;
  now?: () => number;
  lookupDebounceMs?: number;
  /** How far outside the viewport cards are annotated already. */
  rootMargin?: string;
  /** How often the cards' requests are asked about (tests make it fast). */
  follow?: FollowOptions;
}

/** How often the SLA countdowns on the cards are refreshed; minutes are their finest unit. */
const TICK_MS = 30_000;
/** Cards read and given their UI per queue task: what does not fit waits for the next one. */
const BATCH = 24;
/** Cards found at once up to which they are measured in the next frame (see measureInserted). */
const MEASURE_AT_ONCE = 60;

type Source = { find: (root: ParentNode) => Element[]; read: (card: Element) => ListingInput | null };

/**
 * The adapter's cards in two steps. An adapter that only has `extractCards` reads every
 * listing when its cards are found; the listings wait here until their cards near the
 * viewport, and a card read again (it grew) is read from its parent.
 */
function cardSource(adapter: SiteAdapter, url: URL): Source | null {
  const { findCards, readCard, extractCards } = adapter;
  if (findCards && readCard) return { find: (root) => findCards(root), read: (card) => readCard(card, url) };
  if (!extractCards) return null;
  const early = new WeakMap<Element, ListingInput>();
  return {
    find(root) {
      const matches = extractCards(root, url);
      for (const m of matches) early.set(m.element, m.listing);
      return matches.map((m) => m.element);
    },
    read(card) {
      const first = early.get(card);
      if (first) return early.delete(card), first;
      return extractCards(card.parentElement ?? card, url).find((m) => m.element === card)?.listing ?? null;
    },
  };
}

/**
 * Search-results and shop pages: every recognised card gets a select box once it comes
 * near the viewport, the cards that already have a request show it, repeat sellers are
 * marked, and a toolbar flags the selection. Follows infinite scroll until `signal` aborts.
 *
 * The hot path (profiled, see bench/): finding cards is one query per new subtree; a card's
 * listing is read only when the card nears the viewport, in batches that read every rect
 * before one write; the page loads no UI library and no schema.
 */
export function initSearchPage(adapter: SiteAdapter, doc: Document, url: URL, signal: AbortSignal, opts: SearchPageOptions = {}): void {
  const source = cardSource(adapter, url);
  if (!source || signal.aborted) return;
  const now = opts.now ?? Date.now;
  const { host, shadow } = mount(doc);
  const state = new PageState();
  const queue = frameQueue(opts.schedule ?? nextFrame);
  // Cards the page data does not cover may lack the seller: it is read at flag time.
  const sellers = sellerCompleter(adapter, url, fetchPage);
  // "Select all visible", a shift-click range and "all from this seller" take every card
  // loaded so far, not only those on screen: on such a gesture only, the cards not read yet
  // are read (in the same batches as near the viewport), in the page's order.
  const loaded = () => {
    for (const element of waiting) near.add(element);
    while (near.size) annotateNear();
    const list = [...cards.values()].filter((c) => c.element.isConnected);
    list.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return list.map((c) => c.listing);
  };
  const picks = cardPicks(state, loaded, (l) => !sellers.pending([l]));
  const overlay = new CardOverlay(doc, shadow, host, state, now, { ...picks, again: (l) => state.flagAgain(l) });
  const stopToolbar = batchToolbar(doc, shadow, state, loaded, sellers.complete);
  provideSelection(
    {
      toggleFocused() {
        const listing = overlay.focusedListing();
        if (!listing) return false;
        picks.pick(listing, false);
        return true;
      },
      add(itemId) {
        const listing = loaded().find((l) => l.itemId === itemId);
        if (!listing || !state.selectable(itemId)) return false;
        state.selectMany([listing]);
        return state.selected.has(itemId);
      },
    },
    signal,
  );

  const cards = new Map<Element, Card>();
  // The keyboard commands and the link menu act on these cards (search-orders.ts).
  provideSearchOrders({ doc, shadow, state, overlay, picks, cards, signal });
  const batcher = lookupBatcher(
    (p) => askWorker('lookup', p),
    (res) => Array.isArray(res?.annotations) && typeof res.sellerCounts === 'object' && state.annotate(res.annotations, res.sellerCounts ?? {}),
    signal,
    opts.lookupDebounceMs,
  );
  const unsubscribe = state.subscribe((change) => overlay.refresh(change));
  followCards(state, (p) => askWorker('lookup', p), doc, signal, opts.follow);
  syncSelection(state, { get: () => askWorker('selectionGet', {}), set: (p) => askWorker('selectionSet', p) }, signal);

  // Cards near the viewport that have no UI yet: read in the next task. A card that shows
  // too little stays observed and is read again when it grows while near.
  const near = new Set<Element>();
  const rootMargin = opts.rootMargin ?? '400px 0px';
  let queued = false;
  const annotateNear = () => {
    const batch: Card[] = [];
    for (const element of near) {
      if (batch.length >= BATCH) break;
      near.delete(element);
      if (!element.isConnected || cards.has(element)) continue;
      let listing = null;
      let pending = false;
      try {
        const raw = source.read(element);
        listing = raw && cardListing(raw);
        if (raw && !listing) pending = Boolean((listing = sellers.accept(raw)));
      } catch {
        // an adapter bug on a strange card: that card gets no UI
      }
      if (!listing) continue;
      const card = { element, listing };
      cards.set(element, card);
      waiting.delete(element);
      io.unobserve(element);
      batch.push(card);
      // A seller not known yet is not asked about: every such card would count as one seller.
      batcher.add(listing, !pending);
    }
    overlay.add(batch);
    if (near.size) schedule();
  };
  // The rest of a batch goes in the next frame; annotateNear is also called directly (the
  // observer's callback, measureInserted), so the flag belongs to the queued call alone.
  const schedule = () => {
    if (queued) return;
    queued = true;
    queue.push(() => ((queued = false), annotateNear()), true);
  };
  const waiting = new Set<Element>(); // observed, not annotated yet
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!waiting.has(e.target)) continue;
        if (e.isIntersecting) near.add(e.target);
        else near.delete(e.target);
      }
      // The first batch right here, not a frame later: the observer reports after the
      // browser laid the page out, so the batch's rect reads cost no forced layout, and cards
      // inserted near the viewport get their boxes one frame sooner. The rest go in frames.
      if (near.size) annotateNear();
    },
    { rootMargin },
  );
  // A few cards the page inserts after load (infinite scroll) are measured in the next frame
  // instead of waiting for the observer, which reports new targets a frame or two later:
  // reading rects in a frame callback, before any write, costs no extra layout (the frame
  // lays the page out anyway). Big batches (a whole page of results) are left to the observer.
  const margin = parseFloat(rootMargin) || 0;
  let inserted: Element[] = [];
  const measureInserted = () => {
    const list = inserted;
    inserted = [];
    const height = doc.defaultView?.innerHeight ?? 0;
    for (const el of list) {
      if (!waiting.has(el)) continue;
      const r = el.getBoundingClientRect();
      if ((r.width || r.height) && r.bottom > -margin && r.top < height + margin) near.add(el);
    }
    if (near.size) annotateNear();
  };
  watchCards({
    doc,
    queue,
    signal,
    find: source.find,
    ignore: (el) => el.localName === HOST_TAG,
    found: (found, insertedLater) => {
      for (const el of found) {
        waiting.add(el);
        io.observe(el);
      }
      if (!insertedLater || found.length > MEASURE_AT_ONCE) return;
      if (!inserted.length) queue.push(measureInserted, true);
      inserted.push(...found);
    },
    grew: (card) => {
      if (cards.has(card) || !waiting.has(card)) return;
      // Observing again makes the observer report whether it is near now.
      io.unobserve(card);
      io.observe(card);
    },
    onRemoved: () => {
      for (const element of waiting) if (!element.isConnected) (waiting.delete(element), near.delete(element), io.unobserve(element));
      for (const [element] of cards) if (!element.isConnected) cards.delete(element);
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
      stopToolbar();
      overlay.destroy();
    },
    { once: true },
  );
}
