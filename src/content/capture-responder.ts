import { ext, onMessage, type MessageHandler } from '../shared/browser.ts';
import { TabEnvelope, TabMessages, type ScrollState, type TabMessageName, type TabRequestOf, type TabResponseOf } from '../shared/messages.ts';
import type { SiteAdapter } from '../sites/adapter.ts';
import { CAPTURING_ATTR, HOST_TAG } from './mount.ts';
import { loadForCapture, pageContext } from './capture-complete.ts';
import { orderAnswers } from './order-answers.ts';
import { provideOrders } from './page-orders.ts';

/** If the worker dies mid-capture and never says "end", our UI comes back by itself. */
const RESTORE_AFTER_MS = 60_000;
/** rAF does not run in a hidden tab: do not wait for a paint forever. */
const PAINT_TIMEOUT_MS = 500;

type Answer<K extends TabMessageName> = (payload: TabRequestOf<K>) => TabResponseOf<K> | Promise<TabResponseOf<K>>;

/** A feature whose flag form the keyboard command opens (the item panel). */
export function onFlagFormRequest(open: () => unknown): () => void {
  return provideOrders({ flagFocused: () => open() !== false });
}

/** Resolves after the next two frames: by then what changed has been painted. */
function painted(win: Window): Promise<void> {
  return new Promise((resolve) => {
    const timer = win.setTimeout(resolve, PAINT_TIMEOUT_MS);
    win.requestAnimationFrame(() => win.requestAnimationFrame(() => (win.clearTimeout(timer), resolve())));
  });
}

/**
 * The content side of the worker's capture: hides our UI, scrolls step by step and answers
 * once the page is painted, measures flagged cards, puts everything back, and serializes
 * the page when there is no MHTML. It obeys only our own extension's worker (never a page,
 * never another content script) and only well-formed messages.
 */
export function startCaptureResponder(adapter: SiteAdapter, win: Window = window, signal?: AbortSignal): void {
  const { listener, restore } = captureResponder(adapter, win);
  const stopListening = onMessage(listener);
  signal?.addEventListener('abort', () => (stopListening(), restore()), { once: true });
}

export type CaptureListener = MessageHandler;

/**
 * The responder's message listener (undefined for messages that are not its own) and the
 * way to put our UI back. capture-gate.ts loads this module on the first capture message,
 * so that marketplace pages do not load the schemas up front.
 */
export function captureResponder(adapter: SiteAdapter, win: Window = window): { listener: CaptureListener; restore: () => void } {
  const doc = win.document;
  /** Our UI host while hidden; `detached` with where it was, when hiding it in place failed. */
  let hidden: { host: HTMLElement; timer: number; detached: { parent: Node; next: Node | null } | null } | null = null;
  let cards = new Map<string, Element>();

  const scroller = () => doc.scrollingElement ?? doc.documentElement;
  const findCards = (ids: string[]) => {
    if (ids.some((id) => !cards.get(id)?.isConnected)) {
      cards = new Map();
      try {
        for (const m of adapter.extractCards?.(doc, new URL(win.location.href)) ?? []) if (!cards.has(m.listing.itemId)) cards.set(m.listing.itemId, m.element);
      } catch {
        // an adapter bug on a strange page: those cards are reported as not found
      }
    }
    return ids.flatMap((itemId) => {
      const el = cards.get(itemId);
      if (!el?.isConnected) return [];
      const r = el.getBoundingClientRect();
      return [{ itemId, rect: { x: r.left, y: r.top, width: r.width, height: r.height } }];
    });
  };
  const state = (itemIds: string[]): ScrollState => ({
    scrollX: win.scrollX,
    scrollY: win.scrollY,
    viewportWidth: Math.max(1, win.innerWidth),
    viewportHeight: Math.max(1, win.innerHeight),
    pageHeight: Math.max(scroller().scrollHeight, doc.body?.scrollHeight ?? 0),
    devicePixelRatio: win.devicePixelRatio || 1,
    cards: findCards(itemIds),
  });
  const restoreUi = () => {
    if (!hidden) return;
    const { host, detached, timer } = hidden;
    host.removeAttribute(CAPTURING_ATTR);
    if (detached && !host.isConnected) detached.parent.insertBefore(host, detached.next?.parentNode === detached.parent ? detached.next : null);
    win.clearTimeout(timer);
    hidden = null;
  };
  /**
   * Hides our UI and confirms it is hidden before a capture: the attribute turns the host off
   * through our own shadow sheet; should it still render (a page that replaced our sheet, or
   * re-attached host), the host leaves the document until the capture ends.
   */
  const hideUi = () => {
    const host = hidden?.host ?? doc.querySelector<HTMLElement>(HOST_TAG);
    if (!host) return;
    hidden ??= { host, timer: win.setTimeout(restoreUi, RESTORE_AFTER_MS), detached: null };
    host.setAttribute(CAPTURING_ATTR, '');
    if (host.isConnected && win.getComputedStyle(host).display !== 'none' && host.parentNode) {
      hidden.detached = { parent: host.parentNode, next: host.nextSibling };
      host.remove();
    }
  };

  const answers: { [K in TabMessageName]: Answer<K> } = {
    captureBegin: async ({ itemIds, expect }) => {
      hideUi();
      // Flagged cards in view are in the first capture: their images must be loaded for it.
      // Cards further down load as the capture scrolls to them.
      const inView = findCards(itemIds).filter((c) => c.rect.y < win.innerHeight && c.rect.y + c.rect.height > 0);
      const flagged = inView.flatMap((c) => (cards.get(c.itemId) ? [cards.get(c.itemId)!] : []));
      const missing = await loadForCapture(win, expect, flagged);
      hideUi();
      await painted(win);
      const start = state(itemIds);
      return { ...start, page: { ...pageContext(win), missing } };
    },
    captureScroll: async ({ y, itemIds }) => {
      // 'instant': a page's smooth scrolling would still be on its way when we capture.
      win.scrollTo({ left: win.scrollX, top: y, behavior: 'instant' });
      hideUi(); // still hidden, whatever the page did meanwhile
      await painted(win);
      return state(itemIds);
    },
    captureEnd: async ({ scrollX, scrollY }) => {
      win.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' });
      restoreUi();
      return { ok: true as const };
    },
    pageHtml: ({ maxChars }) => {
      const clone = doc.documentElement.cloneNode(true) as Element;
      for (const ours of clone.querySelectorAll(HOST_TAG)) ours.remove();
      const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>\n` : '';
      const html = doctype + clone.outerHTML;
      return { html: html.slice(0, maxChars), truncated: html.length > maxChars };
    },
    // The keyboard commands and the link menu (order-answers.ts).
    ...orderAnswers(adapter, win),
  };

  const listener: CaptureListener = (message, sender) => {
    // Only our worker: same extension, and not from a tab (another content script).
    if (sender.id !== ext.runtime.id || sender.tab) return undefined;
    const envelope = TabEnvelope.safeParse(message);
    if (!envelope.success || !Object.hasOwn(TabMessages, envelope.data.type)) return undefined;
    const type = envelope.data.type as TabMessageName;
    const payload = TabMessages[type].request.safeParse(envelope.data.payload);
    if (!payload.success) return undefined;
    const answer = answers[type] as (p: unknown) => unknown;
    return Promise.resolve(answer(payload.data)).catch((err) => {
      if (type === 'captureBegin') restoreUi();
      throw err;
    });
  };
  return { listener, restore: restoreUi };
}
