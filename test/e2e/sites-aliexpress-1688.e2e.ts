import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import type { Listing } from '../../src/shared/model.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { seedSettings, flagOpenListing, waitFor } from './harness/flows.ts';

// One listing per site and page generation, served at the marketplace's real hostname (so
// the manifest's match patterns decide whether the content script runs), flagged through
// the UI with trusted clicks, and checked field by field where it lands: at the service.

const expected = (fixture: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures', fixture.replace('.html', '.expected.json')), 'utf8')) as { url: string; listing: Listing };

const PAGES = [
  { name: 'AliExpress, DOM-only page (2024-09 on)', fixture: 'aliexpress/item-dom2025.html' },
  { name: '1688, __INIT_DATA offer page', fixture: '1688/item-initdata.html' },
  { name: 'Taobao, classic page', fixture: 'taobao/item-classic.html' },
].map((p) => {
  const e = expected(p.fixture);
  // The fixture server speaks plain http: the same URL the fixture was saved from, on http.
  const url = new URL(e.url);
  url.protocol = 'http:';
  const idParam = url.searchParams.get('id');
  return { ...p, url: url.href, listing: e.listing, route: { host: url.hostname, path: url.pathname, ...(idParam ? { query: { id: idParam } } : {}), fixture: p.fixture } };
});

describe('AliExpress, 1688 and classic Taobao listings, flagged end to end', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ routes: PAGES.map((p) => p.route) });
    await seedSettings(stack.browser, stack.sandbox.url, DEMO_TOKEN);
  });

  afterAll(async () => {
    await stack?.close();
  });

  for (const p of PAGES) {
    it(`${p.name}: ${p.listing.marketplace} ${p.listing.itemId} reaches the service exactly as the page showed it`, async () => {
      const page = await stack.browser.context.newPage();
      await page.goto(p.url);
      await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID, note: `e2e ${p.fixture}` });

      const filed = await waitFor(`the ${p.listing.marketplace} case at the sandbox`, () =>
        stack.sandbox.listCases().find((c) => c.itemId === p.listing.itemId),
      );
      const { marketplace, unavailable: _unavailable, ...wire } = p.listing;
      expect(filed.marketplace).toBe(marketplace);
      expect(filed.submission.listing).toEqual(wire);
      expect(filed.submission.note).toBe(`e2e ${p.fixture}`);
      expect(filed.submission.evidence.map((e) => e.kind).sort()).toEqual(['capture_manifest', 'metadata', 'page_archive', 'screenshot']);

      await page.reload();
      await expect.poll(() => page.getByTestId('listing-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('received');
      await page.close();
    });
  }
});
