import type { SiteAdapter } from '../sites/adapter.ts';
import { initItemPage, type ItemPageOptions } from './item-page.tsx';

export interface RunOptions extends ItemPageOptions {
  win?: Window;
  /** How often to look for SPA navigation the isolated world cannot observe directly. */
  pollMs?: number;
}

/**
 * Runs the page's features for the current URL and again after each navigation within the
 * page (pushState cannot be seen from the isolated world: popstate plus a cheap poll of
 * location.href). Each run gets its own AbortSignal; a navigation aborts the previous run.
 */
export function runContent(adapter: SiteAdapter, signal?: AbortSignal, opts: RunOptions = {}): void {
  const win = opts.win ?? window;
  let current: AbortController | null = null;
  let lastHref: string | null = null;

  const check = () => {
    if (signal?.aborted) return;
    const href = win.location.href.split('#')[0]!;
    if (href === lastHref) return;
    lastHref = href;
    current?.abort();
    const run = (current = new AbortController());
    const url = new URL(href);
    if (!adapter.handles(url)) return;
    switch (adapter.pageKind(url)) {
      case 'item':
        void initItemPage(adapter, win.document, url, run.signal, opts);
        break;
      default:
        break; // search and shop pages come with the card annotator; 'other' pages get nothing
    }
  };

  check();
  win.addEventListener('popstate', check, { signal });
  const timer = win.setInterval(check, opts.pollMs ?? 1000);
  signal?.addEventListener('abort', () => {
    win.clearInterval(timer);
    current?.abort();
  }, { once: true });
}
