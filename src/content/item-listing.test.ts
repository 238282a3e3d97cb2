import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Listing, type ListingInput } from '../shared/model.ts';
import { adapterFor } from '../sites/registry.ts';
import { loadSiteExpected, loadSiteFixture } from '../sites/fixture-dom.test-kit.ts';
import { itemListing } from './item-listing.ts';

// The item page reads its listing without zod; the worker parses it with the schema. What
// the panel offers to flag must be what the schema gives, or the flag would be refused.
const FIXTURES = new URL('../../test/fixtures/', import.meta.url);
const itemPages = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(new URL(`${d.name}/`, FIXTURES)).filter((f) => f.endsWith('.expected.json')).map((f) => [d.name, f] as const))
  .filter(([site, f]) => 'listing' in loadSiteExpected(site, f));

describe('the item panel\'s listing, read without the schema', () => {
  it.each(itemPages)('%s %s: the same listing the schema gives', (site, file) => {
    const { url } = loadSiteExpected(site, file);
    const input = adapterFor(new URL(url))!.extractItem(loadSiteFixture(site, file.replace('.expected.json', '.html'), url), new URL(url));
    expect(itemListing(input!)).toEqual(Listing.parse(input));
  });

  const base: ListingInput = {
    marketplace: 'taobao',
    itemId: '637145790668',
    url: 'https://item.taobao.com/item.htm?id=637145790668',
    title: '  经典帆布双肩包  ',
    seller: { name: 'Shop', id: 'shop-1', shopUrl: 'https://shop1.taobao.com/' },
  };

  it('drops what the schema would refuse, so the flag it offers is one the worker accepts', () => {
    const odd = itemListing({
      ...base,
      skuId: 'sku with spaces',
      price: { amount: 'free', currency: 'CNY' },
      imageUrls: [...Array.from({ length: 15 }, (_, i) => `https://img.example/${i}.jpg`), 'javascript:alert(1)'],
      seller: { name: 'Shop', id: '<b>', shopUrl: 'data:text/html,x' },
    })!;
    expect(odd).toMatchObject({ skuId: null, price: null, seller: { id: null, shopUrl: null } });
    expect(odd.imageUrls).toHaveLength(12);
    expect(Listing.safeParse(odd).success).toBe(true);
  });

  it('is no listing without a title, a seller, a plain item id or a web URL', () => {
    expect(itemListing({ ...base, title: ' ' })).toBeNull();
    expect(itemListing({ ...base, seller: { name: '' } })).toBeNull();
    expect(itemListing({ ...base, itemId: '1 2' })).toBeNull();
    expect(itemListing({ ...base, url: 'ftp://item' })).toBeNull();
  });
});
