// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { types } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { lazadaAdapter } from '../sites/lazada/index.ts';
import { watchCards } from './card-scanner.ts';
import { frameQueue } from './frame-queue.ts';
import { handFrames } from './search.test-kit.ts';

// The scanner hands adapters the page's own nodes, and the cards they find are real nodes
// that Chromium's IntersectionObserver and Node.contains accept (the unit setup makes
// happy-dom refuse anything else, as Chromium does). A card appended alone (infinite scroll)
// is the case that once went through a Proxy and lost every box in the real browser.

const URL_ = new URL('https://www.lazada.com.my/catalog/?q=running%20shoes');
const stop = new AbortController();
afterEach(() => stop.abort());

function loadLazadaSearch(): Element[] {
  const html = readFileSync(resolve(import.meta.dirname, '../../test/fixtures/lazada/search-pagedata.html'), 'utf8');
  const page = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceWith(document.importNode(page.body, true));
  return [...document.querySelectorAll('[data-qa-locator="product-item"]')];
}

describe('watchCards with a real adapter', () => {
  it('gives every card, at load and appended alone later, as the real node the browser observers accept', async () => {
    const cards = loadLazadaSearch();
    // Infinite scroll: the last cards arrive later, each appended on its own.
    const later = cards.slice(-3);
    const parent = later[0]!.parentElement!;
    for (const c of later) c.remove();

    const frames = handFrames();
    const io = new IntersectionObserver(() => undefined);
    const accepted: Element[] = [];
    watchCards({
      doc: document,
      queue: frameQueue(frames.schedule),
      signal: stop.signal,
      find: (root) => lazadaAdapter.extractCards!(root, URL_).map((m) => m.element),
      ignore: () => false,
      found: (found) => {
        for (const el of found) {
          io.observe(el); // throws, as in Chromium, for anything but a real element
          accepted.push(el);
        }
      },
      grew: () => undefined,
      onRemoved: () => undefined,
    });
    frames.run();
    expect(accepted).toHaveLength(cards.length - 3);

    for (const c of later) parent.append(c);
    await new Promise((r) => setTimeout(r, 0)); // MutationObserver records
    frames.run();
    expect(accepted).toHaveLength(cards.length);
    for (const el of accepted) {
      expect(types.isProxy(el)).toBe(false);
      expect(document.body.contains(el)).toBe(true);
    }
    expect(accepted.slice(-3)).toEqual(later);
  });
});
