import { worldState } from '../shared/world.ts';

// The link menu's click reaches the worker with the link's URL only, not its element. The
// page remembers what was right-clicked (a trusted contextmenu event; cheap: one listener)
// so that the card around that very link is the one read, even when the page links to the
// same listing twice.

// Kept per page (world.ts): the capture responder, a chunk of its own, reads what the
// content script's listener wrote.
const right = worldState('context-target', () => ({ last: null as WeakRef<Element> | null }));

/** Remembers the element of each trusted right-click until `signal` aborts. */
export function trackContextTarget(win: Window, signal?: AbortSignal): void {
  win.document.addEventListener(
    'contextmenu',
    (e) => {
      if (!e.isTrusted) return;
      const target = e.composedPath()[0] as Element | undefined;
      right.last = typeof target?.closest === 'function' ? new WeakRef(target) : null;
    },
    { capture: true, passive: true, signal },
  );
}

const sameUrl = (a: string, b: string) => a === b || a.split('#')[0] === b.split('#')[0];

/** The link to `linkUrl` that was right-clicked, else the page's first link to it; null when none. */
export function findLink(doc: Document, linkUrl: string): HTMLAnchorElement | null {
  const clicked = right.last?.deref()?.closest?.('a[href]') as HTMLAnchorElement | null | undefined;
  if (clicked?.isConnected && sameUrl(clicked.href, linkUrl)) return clicked;
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) if (sameUrl(a.href, linkUrl)) return a;
  return null;
}

/** Tests start from a page nobody right-clicked. */
export function forgetContextTarget(): void {
  right.last = null;
}
