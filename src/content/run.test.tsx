// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '../sites/adapter.ts';
import { taobaoAdapter } from '../sites/taobao/index.ts';
import { HOST_TAG } from './mount.ts';
import { runContent } from './run.ts';
import { fakeWorker, listing, settle, type Sent } from './helpers.test-kit.ts';
import { waitFor } from '../../test/unit/ui-wait.ts';
import { FakeIntersectionObserver } from './search.test-kit.ts';

const ITEM = 'https://item.taobao.com/item.htm?id=637145790668&spm=a21n57.1.0.0';
const noAnnotations = () => ({ annotations: [], sellerCounts: {} });

/**
 * A window whose address the test sets, as SPA navigation would; the runtime's navigation
 * poll runs when the test says (`go` moves and polls), not on a timer.
 */
function fakeWindow(href: string) {
  const location = { href };
  const polls = new Map<number, () => void>();
  let ids = 0;
  const win = {
    location,
    document,
    addEventListener: window.addEventListener.bind(window),
    setInterval: (fn: () => void) => (polls.set(++ids, fn), ids),
    clearInterval: (id: number) => void polls.delete(id),
  } as unknown as Window;
  const go = (to: string) => {
    location.href = to;
    for (const poll of polls.values()) poll();
  };
  return { win, go, polls };
}

let ready = true;
let reads = 0;
const stub: SiteAdapter = {
  id: 'taobao',
  matches: ['*://*.taobao.com/*'],
  itemLinks: ['*://item.taobao.com/*'],
  examples: { item: [], search: [], shop: [], other: [] },
  itemIdFromUrl: (u) => u.searchParams.get('id'),
  handles: (u) => u.hostname.endsWith('taobao.com'),
  pageKind: (u) => (u.searchParams.get('id') ? 'item' : 'other'),
  extractItem: (_doc, u) => (reads++, ready ? { ...listing, itemId: u.searchParams.get('id')!, url: `https://item.taobao.com/item.htm?id=${u.searchParams.get('id')}` } : null),
  canonicalUrl: (_u, id) => `https://item.taobao.com/item.htm?id=${id}`,
};


// runContent loads page features on demand; load them once up front so the timings below
// measure the runtime, not vitest transforming a module on first import.
beforeAll(() => Promise.all([import('./item-page.ts'), import('./search-page.ts'), import('./capture-responder.ts')]));
const shadow = () => document.querySelector(HOST_TAG)?.shadowRoot ?? null;
const hook = (id: string) => shadow()?.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`) ?? [];
const lookups = (sent: Sent[]) => sent.filter((m) => m.type === 'lookup').map((m) => m.payload.items[0].itemId);

let stop: AbortController;
let sent: Sent[];
beforeEach(() => {
  ready = true;
  reads = 0;
  stop = new AbortController();
  sent = fakeWorker({ lookup: noAnnotations });
});
afterEach(async () => {
  stop.abort();
  await settle();
});

describe('runContent', () => {
  it('stops for good once the extension is updated, disabled or removed: no polling, no UI left', async () => {
    let extensionThere = true;
    const { win, go, polls } = fakeWindow(ITEM);
    runContent(stub, stop.signal, { win, pollMs: 20, alive: () => extensionThere });
    await settle();
    expect(hook('flag-listing')).toHaveLength(1);
    expect(polls.size).toBe(1);

    extensionThere = false; // chrome.runtime.id is gone: this copy is an orphan
    go(ITEM);
    await settle();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
    expect(polls.size).toBe(0);
    const readsBefore = reads;
    go('https://item.taobao.com/item.htm?id=712345678901'); // nothing runs any more
    await settle();
    expect(reads).toBe(readsBefore);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
    expect(sent.filter((m) => m.type === 'lookup')).toHaveLength(1);
  });

  it('does nothing on pages that are not listings', async () => {
    runContent(stub, stop.signal, { win: fakeWindow('https://www.taobao.com/').win });
    await settle();
    expect(hook('flag-listing')).toHaveLength(0);
    expect(sent).toEqual([]);
  });

  it('shows the item panel, and follows SPA navigation with one panel for the new item', async () => {
    const { win, go } = fakeWindow(ITEM);
    runContent(stub, stop.signal, { win, pollMs: 20 });
    await settle();
    expect(hook('flag-listing')).toHaveLength(1);
    expect(lookups(sent)).toEqual(['637145790668']);

    go('https://item.taobao.com/item.htm?id=712345678901');
    await waitFor(() => lookups(sent).length === 2 && hook('flag-listing').length === 1, 'the panel of the new item');
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(hook('flag-listing')).toHaveLength(1);
    expect(lookups(sent)).toEqual(['637145790668', '712345678901']);

    // Same page, another anchor: no re-run, so the panel stays the very same element.
    const panel = hook('flag-listing')[0];
    go('https://item.taobao.com/item.htm?id=712345678901#reviews');
    await settle();
    expect(hook('flag-listing')[0]).toBe(panel);
    // The next item's lookup comes after any the #reviews change would have caused.
    go('https://item.taobao.com/item.htm?id=723456789012');
    await waitFor(() => lookups(sent).length >= 3, 'the third item');
    expect(lookups(sent)).toEqual(['637145790668', '712345678901', '723456789012']);
    go('https://www.taobao.com/');
    await waitFor(() => hook('flag-listing').length === 0, 'the panel to go');
    expect(lookups(sent)).toHaveLength(3);
  });

  it('waits for a listing that arrives after load', async () => {
    ready = false;
    runContent(stub, stop.signal, { win: fakeWindow(ITEM).win, timeoutMs: 2000 });
    await settle();
    expect(hook('flag-listing')).toHaveLength(0);
    ready = true;
    document.body.append(document.createElement('div'));
    await waitFor(() => hook('flag-listing').length === 1, 'the panel once the listing is there');
  });

  it('gives up after the bounded wait and stops reading the page', async () => {
    ready = false;
    runContent(stub, stop.signal, { win: fakeWindow(ITEM).win, timeoutMs: 100 });
    // ...and says why there is nothing to flag, instead of staying silent.
    await waitFor(() => hook('listing-unreadable').length === 1, 'the unreadable-listing note');
    expect(hook('listing-unreadable')[0]!.textContent).toContain('does not show enough of the listing');
    const after = reads;
    // From now on timers are the test's: a page change may schedule a read only through one.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      document.body.append(document.createElement('div'));
      await vi.advanceTimersByTimeAsync(5_000);
      expect(reads).toBe(after);
    } finally {
      vi.useRealTimers();
    }
    expect(hook('flag-listing')).toHaveLength(0);
  });

  it('reads the page again when it changes while it still waits (the control for the test above)', async () => {
    ready = false;
    runContent(stub, stop.signal, { win: fakeWindow(ITEM).win, timeoutMs: 60_000 });
    await waitFor(() => reads > 0, 'the first read');
    const before = reads;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      document.body.append(document.createElement('div'));
      await vi.advanceTimersByTimeAsync(5_000);
      expect(reads).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('removes its UI when stopped', async () => {
    runContent(stub, stop.signal, { win: fakeWindow(ITEM).win });
    await settle();
    expect(hook('flag-listing')).toHaveLength(1);
    stop.abort();
    await settle();
    expect(hook('flag-listing')).toHaveLength(0);
  });

  it('runs the Taobao adapter on the SSR 2025 fixture page', async () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../test/fixtures/taobao/item-ssr2025.html'), 'utf8');
    const page = new DOMParser().parseFromString(html, 'text/html');
    const body = document.body;
    body.replaceWith(document.importNode(page.body, true));
    try {
      runContent(taobaoAdapter, stop.signal, { win: fakeWindow(ITEM).win });
      await settle();
      expect(hook('flag-listing')).toHaveLength(1);
      expect(shadow()?.querySelector('.page-text')?.textContent).toBe('【官方正品】Example 经典帆布双肩包 男女同款 大容量');
      expect(sent[0]?.payload).toEqual({ items: [{ marketplace: 'taobao', itemId: '637145790668' }] });
    } finally {
      document.body.replaceWith(body);
    }
  });

  it('annotates a Taobao search page and starts afresh on each SPA navigation', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    FakeIntersectionObserver.all = [];
    const html = readFileSync(resolve(import.meta.dirname, '../../test/fixtures/taobao/search-gen3.html'), 'utf8');
    const page = new DOMParser().parseFromString(html, 'text/html');
    const body = document.body;
    body.replaceWith(document.importNode(page.body, true));
    const cards = () => [...document.querySelectorAll('[id^="item_id_"]')];
    const boxes = () => hook('select-listing').length;
    // Work on the page runs in frames with a time budget: with the budget's clock standing
    // still, one frame scans the page however busy the machine is, so it is asked once.
    const clock = vi.spyOn(performance, 'now').mockReturnValue(0);
    try {
      const { win, go } = fakeWindow('https://s.taobao.com/search?q=bag');
      runContent(taobaoAdapter, stop.signal, { win, pollMs: 20, schedule: (fn) => void setTimeout(fn, 0), lookupDebounceMs: 0 });
      const lookupSizes = () => sent.filter((m) => m.type === 'lookup').map((m) => m.payload.items.length);
      const watched = () => FakeIntersectionObserver.all.at(-1)?.observed.size ?? 0;
      await vi.waitFor(() => expect(watched()).toBe(48), { timeout: 10_000 });
      FakeIntersectionObserver.enter(cards().slice(0, 12));
      await vi.waitFor(() => expect(boxes()).toBe(12));
      await vi.waitFor(() => expect(lookupSizes()).toEqual([12]));

      const first = FakeIntersectionObserver.all.length;
      go('https://s.taobao.com/search?q=bag&page=2'); // the page swaps its results in place
      await vi.waitFor(() => expect(FakeIntersectionObserver.all.length > first && watched() === 48).toBe(true), { timeout: 10_000 });
      expect(boxes()).toBe(0);
      FakeIntersectionObserver.enter(cards().slice(0, 4));
      await vi.waitFor(() => expect(boxes()).toBe(4));
      await vi.waitFor(() => expect(lookupSizes()).toEqual([12, 4]));
      expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);

      go(ITEM);
      await waitFor(() => boxes() === 0, 'the search UI to go');
    } finally {
      document.body.replaceWith(body);
      vi.unstubAllGlobals();
      clock.mockRestore();
    }
  });
});
