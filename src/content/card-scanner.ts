import type { CardMatch } from '../sites/adapter.ts';
import type { FrameQueue } from './frame-queue.ts';

export interface ScannerOptions {
  doc: Document;
  /** The adapter's card extraction for the page URL (may throw: that root is then skipped). */
  extract: (root: ParentNode) => CardMatch[];
  /** Takes a card found for the first time; false when its listing is not complete yet. */
  accept: (match: CardMatch) => boolean;
  /** Cards may have left the page (the list was re-rendered): drop their UI. */
  onRemoved: () => void;
  /** Elements of our own (the UI host): never scanned. */
  ignore: (el: Element) => boolean;
  queue: FrameQueue;
  signal: AbortSignal;
}

/** Cards are registered in chunks of this size, one queue task each. */
const CHUNK = 20;
/**
 * A subtree up to this many elements is read in one adapter call. Bigger ones (the body, a
 * grid of 500 cards) are split into their children, so that no single call reads hundreds
 * of cards (about 0.5 ms a card in Chromium): the queue spreads the calls over frames. A
 * listing card has a few dozen elements; one with more than this would be missed.
 */
const MAX_SUBTREE = 300;
const NOT_RENDERED = new Set(['script', 'style', 'template', 'noscript', 'link', 'meta', 'head', 'title']);

/** The subtrees of `el` to read, each at most MAX_SUBTREE elements, in document order. */
export function subtrees(el: Element, out: Element[] = []): Element[] {
  if (NOT_RENDERED.has(el.localName)) return out;
  if (el.getElementsByTagName('*').length <= MAX_SUBTREE) out.push(el);
  else for (const child of el.children) subtrees(child, out);
  return out;
}

/**
 * Finds the page's cards once (subtree by subtree), then follows the page with ONE MutationObserver that only
 * collects added nodes; a frame later it reads cards from the smallest new subtrees, never
 * from the whole document again. A node added inside a card we already have (a lazy image)
 * costs nothing; one added inside a card whose listing was incomplete re-reads that card.
 */
export function watchCards(opts: ScannerOptions): void {
  const { doc, queue, signal } = opts;
  const known = new WeakSet<Element>();
  const incomplete = new WeakSet<Element>();
  let added: Element[] = [];
  let removed = false;
  let flushing = false;

  const register = (matches: CardMatch[]) => {
    for (let i = 0; i < matches.length; i += CHUNK) {
      const chunk = matches.slice(i, i + CHUNK);
      queue.push(() => {
        if (signal.aborted) return;
        for (const m of chunk) {
          if (known.has(m.element)) continue;
          if (opts.accept(m)) {
            known.add(m.element);
            incomplete.delete(m.element);
          } else incomplete.add(m.element);
        }
      });
    }
  };
  const scan = (root: ParentNode) => {
    if (signal.aborted) return;
    let matches: CardMatch[];
    try {
      matches = opts.extract(root);
    } catch {
      return; // an adapter bug on a strange page must not break the page
    }
    register(matches.filter((m) => !known.has(m.element)));
  };

  const scanParts = (el: Element) => {
    // The real node, never a wrapper: Chromium refuses anything else in
    // IntersectionObserver.observe and Node.contains. Adapters find a card that is `part` itself.
    for (const part of subtrees(el)) queue.push(() => scan(part));
  };

  const flush = () => {
    flushing = false;
    if (signal.aborted) return;
    const nodes = added;
    added = [];
    if (removed) {
      removed = false;
      opts.onRemoved();
    }
    const roots = new Set(nodes.filter((n) => n.isConnected && !opts.ignore(n)));
    const targets = new Set<Element>();
    for (const el of roots) {
      let target: Element | null = el;
      for (let p = el.parentElement; p && target; p = p.parentElement) {
        if (roots.has(p) || known.has(p)) target = null; // covered by a bigger new subtree, or inside a card we have
        else if (incomplete.has(p)) target = p;
      }
      if (target && !known.has(target)) targets.add(target);
    }
    for (const t of targets) scanParts(t);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
        if (el) added.push(el);
      }
      if (r.removedNodes.length) removed = true;
    }
    if (!flushing && (added.length || removed)) {
      flushing = true;
      queue.push(flush);
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  queue.push(() => doc.body && scanParts(doc.body));
}
