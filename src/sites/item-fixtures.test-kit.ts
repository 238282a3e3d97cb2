import { describe, expect, it } from 'vitest';
import { Listing } from '../shared/model.ts';
import type { SiteAdapter } from './adapter.ts';
import { loadSiteExpected, loadSiteFixture } from './fixture-dom.test-kit.ts';

const FIELDS = ['marketplace', 'itemId', 'skuId', 'url', 'title', 'price', 'imageUrls', 'seller', 'unavailable'] as const;

/**
 * The field-by-field check every site runs on its item-page fixtures: `<page>.html` read at
 * the URL of `<page>.expected.json` must give exactly that listing, and the schema must
 * accept it unchanged. Test helper: imported by *.test.ts files only.
 */
export function describeItemFixtures(label: string, adapter: SiteAdapter, dir: string, pages: string[]): void {
  describe.each(pages)(`${label} %s`, (page) => {
    const expected = loadSiteExpected(dir, page.replace(/\.html$/, '.expected.json'));
    const url = new URL(expected.url);
    const extract = () => adapter.extractItem(loadSiteFixture(dir, page, expected.url), url);

    it('is an item page', () => {
      expect(adapter.pageKind(url)).toBe('item');
    });

    for (const field of FIELDS) {
      it(`extracts ${field}`, () => {
        expect(extract()?.[field]).toEqual(expected.listing[field]);
      });
    }

    it('gives a listing the schema accepts unchanged', () => {
      const parsed = Listing.safeParse(extract());
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(expected.listing);
    });
  });
}
