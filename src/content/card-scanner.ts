import type { FrameQueue } from './frame-queue.ts';

export interface ScannerOptions {
  doc: Document;
  /** The card elements under a root, the root included when it is one (may throw: that root is then skipped). */
  find: (root: ParentNode) => Element[];
  /** Cards seen for the first time, in document order; `inserted` when the page added them after the first scan. */
  found: (cards: Element[], inserted: boolean) => void;
  /** Nodes were added inside a card we know: a card that showed too little may be complete now. */
  grew: (card: Element) => void;
  /** Cards may have left the page (the list was re-rendered): drop their UI. */
  onRemoved: () => void;
  /** Elements of our own (the UI host): never scanned. */
  ignore: (el: Element) => boolean;
  queue: FrameQueue;
  signal: AbortSignal;
}

/**
 * Finds the page's card elements once (one query over the body: elements only, no listing
 * is read here), then follows the page with ONE MutationObserver that only collects added
 * nodes and queries the new subtrees alone, never the whole document again. A
 * node added inside a card we know is reported as that card growing (a lazy image, a late
 * title) and costs a walk up its ancestors, no query.
 */
export function watchCards(opts: ScannerOptions): void {
  const { doc, queue, signal } = opts;
  const known = new WeakSet<Element>();
  let added: Element[] = [];
  let removed = false;
  let sweeping = false;

  const scan = (root: ParentNode, inserted = true) => {
    let cards: Element[];
    try {
      cards = opts.find(root);
    } catch {
      return; // an adapter bug on a strange page must not break the page
    }
    const fresh = cards.filter((c) => !known.has(c));
    for (const c of fresh) known.add(c);
    if (fresh.length) opts.found(fresh, inserted);
  };

  // Cards that left the page: their UI is dropped in a frame (it re-measures the rest).
  const sweep = () => {
    sweeping = false;
    if (signal.aborted || !removed) return;
    removed = false;
    opts.onRemoved();
  };

  const flush = () => {
    if (signal.aborted) return;
    const nodes = added;
    added = [];
    const roots = new Set(nodes.filter((n) => n.isConnected && !opts.ignore(n)));
    const grown = new Set<Element>();
    for (const el of roots) {
      let covered = known.has(el);
      for (let p = el.parentElement; p && !covered; p = p.parentElement) {
        if (known.has(p)) {
          grown.add(p);
          covered = true;
        } else covered = roots.has(p); // a bigger new subtree is scanned instead
      }
      if (!covered) scan(el);
    }
    for (const card of grown) opts.grew(card);
  };

  // New subtrees are queried right here, at the end of the page's own task that added them:
  // a query per subtree is cheap, and the cards' observer then reports them in the very next
  // frame (waiting a frame first made infinite scroll a frame slower).
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
        if (el) added.push(el);
      }
      if (r.removedNodes.length) removed = true;
    }
    if (added.length) flush();
    if (removed && !sweeping) {
      sweeping = true;
      queue.push(sweep);
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  queue.push(() => doc.body && scan(doc.body, false));
}
