import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.config.ts';
import type { PageKind } from './adapter.ts';
import { sites, siteFor } from './definitions.ts';
import { matchesPattern } from './match-pattern.ts';

const kinds: PageKind[] = ['item', 'search', 'shop', 'other'];
/** Pages the content script must run on; 'other' examples may or may not be covered. */
const served: PageKind[] = ['item', 'search', 'shop'];
const covers = (patterns: readonly string[], example: string) => patterns.some((p) => matchesPattern(p, new URL(example)));

describe('site definitions and the manifest', () => {
  const m = manifest as unknown as { content_scripts: { matches: string[]; js: string[] }[]; host_permissions: string[] };

  for (const site of sites) {
    describe(site.id, () => {
      it("covers each of its item, search and shop examples with its own match patterns", () => {
        const missed = served.flatMap((k) => site.examples[k]).filter((e) => !covers(site.matches, e));
        expect(missed).toEqual([]);
      });

      it("covers no example of another site, of any kind", () => {
        const others = sites.filter((s) => s !== site).flatMap((s) => kinds.flatMap((k) => s.examples[k]));
        expect(others.filter((e) => covers(site.matches, e))).toEqual([]);
      });

      it('gets a content script on exactly its match patterns, and host permissions for them', () => {
        const script = m.content_scripts.find((c) => c.matches.join() === site.matches.join());
        expect(script, `a content_scripts entry for ${site.id}`).toBeDefined();
        for (const p of site.matches) expect(m.host_permissions).toContain(p);
      });

      it("offers the listing link menu on each of its item examples, and only within its own pages", () => {
        expect(site.examples.item.filter((e) => !covers(site.itemLinks, e))).toEqual([]);
        // Every link pattern names pages of this site: its examples covered by a link pattern are its own.
        const foreign = sites.filter((s) => s !== site).flatMap((s) => kinds.flatMap((k) => s.examples[k]));
        expect(foreign.filter((e) => covers(site.itemLinks, e))).toEqual([]);
      });

      it('offers no listing link menu on search or shop links, of any site', () => {
        const lists = sites.flatMap((s) => [...s.examples.search, ...s.examples.shop]);
        expect(lists.filter((e) => covers(site.itemLinks, e))).toEqual([]);
      });

      it('is what siteFor finds for its examples', () => {
        for (const e of kinds.flatMap((k) => site.examples[k])) expect(siteFor(new URL(e))?.id, e).toBe(site.id);
      });
    });
  }

  it('runs the content script on the 1688 mobile offer page and on 1688 shop offer lists', () => {
    const urls = ['https://detail.m.1688.com/page/index.html?offerId=712345678901', 'http://yiwuhaoyunlai.1688.com/page/offerlist.htm'];
    for (const u of urls) expect(m.content_scripts.some((c) => covers(c.matches, u)), u).toBe(true);
  });

  it("asks for no host beyond the sites' patterns", () => {
    expect([...m.host_permissions].sort()).toEqual([...new Set(sites.flatMap((s) => s.matches))].sort());
  });
});

describe('matchesPattern (Chrome match patterns)', () => {
  it('follows Chrome: *:// is http and https, *. includes the bare host, the path glob spans the query', () => {
    expect(matchesPattern('*://*.1688.com/*', new URL('http://detail.m.1688.com/page/index.html?offerId=1'))).toBe(true);
    expect(matchesPattern('*://*.1688.com/*', new URL('https://1688.com/'))).toBe(true);
    expect(matchesPattern('*://*.1688.com/*', new URL('https://evil1688.com/'))).toBe(false);
    expect(matchesPattern('*://s.1688.com/*', new URL('https://detail.1688.com/offer/1.html'))).toBe(false);
    expect(matchesPattern('*://s.1688.com/*', new URL('ftp://s.1688.com/x'))).toBe(false);
    expect(matchesPattern('https://a.com/x*', new URL('https://a.com/xyz?q=1'))).toBe(true);
    expect(matchesPattern('https://a.com/x', new URL('https://a.com/x?q=1'))).toBe(false);
  });
});
