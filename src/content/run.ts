import type { PageKind, SiteAdapter } from '../sites/adapter.ts';
import { listenForCapture } from './capture-gate.ts';
import { removeHosts } from './host-tag.ts';
import { ext } from '../shared/browser.ts';
import { pageStrings } from './page-strings.ts';
import { initSearchPage, type SearchPageOptions } from './search-page.ts';
import { initItemPage, type ItemPageOptions } from './item-page.ts';

export interface RunOptions extends ItemPageOptions, SearchPageOptions {
  win?: Window;
  /** How often to look for SPA navigation the isolated world cannot observe directly. */
  pollMs?: number;
  /** Whether this copy of the content script still belongs to a running extension. */
  alive?: () => boolean;
}

/**
 * An update, disable or removal of the extension leaves its content scripts running, cut
 * off: `chrome.runtime.id` is gone and every message fails. Such an orphan stops for good.
 */
const extensionAlive = () => {
  try {
    return Boolean(ext.runtime?.id);
  } catch {
    return false;
  }
};

type Feature = (adapter: SiteAdapter, doc: Document, url: URL, signal: AbortSignal, opts: RunOptions) => unknown;

// Both features are part of the content script itself, a classic script (see
// src/cli/classic-content-scripts.ts): loading a feature as a module cost a marketplace tab
// more than its bytes. What runs only on a user's action or a capture (the flag form on
// search pages, the link form, the capture responder with zod and the schemas) loads on
// demand. Strings come from the worker first (page-strings.ts).
const item: Feature = (...a) => pageStrings().then(() => initItemPage(...a));
const search: Feature = (...a) => pageStrings().then(() => initSearchPage(...a));

/** What runs on each kind of page; 'other' pages get nothing. */
const FEATURES: Partial<Record<PageKind, Feature>> = { item, search, shop: search };

/**
 * Runs the page's features for the current URL and again after each navigation within the
 * page (pushState cannot be seen from the isolated world: popstate plus a cheap poll of
 * location.href). Each run gets its own AbortSignal; a navigation aborts the previous run.
 */
export function runContent(adapter: SiteAdapter, outer?: AbortSignal, opts: RunOptions = {}): void {
  const win = opts.win ?? window;
  const alive = opts.alive ?? extensionAlive;
  // Ends with the caller's signal, or when this copy is orphaned (checked on the same poll).
  const life = new AbortController();
  outer?.addEventListener('abort', () => life.abort(), { once: true });
  const signal = life.signal;
  let current: AbortController | null = null;
  let lastHref: string | null = null;

  const check = () => {
    if (signal.aborted) return;
    if (!alive()) {
      life.abort();
      removeHosts(win.document); // no dead buttons left behind
      return;
    }
    const href = win.location.href.split('#')[0]!;
    if (href === lastHref) return;
    lastHref = href;
    current?.abort();
    const run = (current = new AbortController());
    const url = new URL(href);
    if (!adapter.handles(url)) return;
    // The worker's orders (captures, keyboard commands, the link menu) reach every page of
    // the site: a home page's links to listings can be flagged too.
    if (!listening) listenForCapture(adapter, win, signal);
    listening = true;
    const feature = FEATURES[adapter.pageKind(url)];
    if (!feature) return;
    void feature(adapter, win.document, url, run.signal, opts);
  };

  let listening = false;
  check();
  win.addEventListener('popstate', check, { signal });
  const timer = win.setInterval(check, opts.pollMs ?? 1000);
  signal.addEventListener('abort', () => {
    win.clearInterval(timer);
    current?.abort();
  }, { once: true });
}
