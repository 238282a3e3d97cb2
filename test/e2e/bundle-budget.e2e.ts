import { describe, expect, it } from 'vitest';
import { pageBytes } from '../../bench/bundle-graph.ts';
import { DIST } from './harness/extension.ts';

// The content-script JavaScript a marketplace page loads (loader, module, every chunk those
// import, and the page kind's feature chunk with its imports), gzip -9, against its budget
// (issue #10). Deterministic, so a test; the timed budgets live in `npm run bench`.
const KB = 1024;
const BUDGETS = [
  ['taobao', 'search', 30 * KB],
  ['lazada', 'search', 30 * KB],
  ['aliexpress', 'search', 30 * KB],
  // Item pages load Preact with the panel and the flag form, but not the schemas (24.0 to 25.7 KB).
  ['taobao', 'item', 27 * KB],
  ['tmall', 'item', 27 * KB],
  ['alibaba1688', 'item', 27 * KB],
] as const;

describe('content-script bytes per page', () => {
  for (const [site, kind, budget] of BUDGETS) {
    it(`a ${site} ${kind} page loads at most ${budget / KB} KB gzip of content script`, () => {
      const b = pageBytes(DIST, site, kind);
      expect(b.files.length).toBeGreaterThan(2); // the loader, its module and what they import were followed
      expect(b.gzip, `${site} ${kind}: ${b.files.join(', ')}`).toBeLessThanOrEqual(budget);
    });
  }

  it('keeps the schemas and Preact off search pages until the user selects a card', () => {
    const b = pageBytes(DIST, 'taobao', 'search');
    const onDemand = Object.keys(b.onDemand);
    expect(onDemand.some((f) => /messages-/.test(f))).toBe(true);
    expect(b.files.filter((f) => /messages-|jsxRuntime-|preact/.test(f))).toEqual([]);
  });

  it('keeps zod and the schemas off item pages: the worker validates what the panel sends', () => {
    const b = pageBytes(DIST, 'taobao', 'item');
    const zod = (f: string) => /model-|messages-|zod/.test(f);
    expect(b.files.filter(zod)).toEqual([]);
  });
});
