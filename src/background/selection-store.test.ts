import { describe, expect, it } from 'vitest';
import { closeDbForTests } from '../shared/db/open.ts';
import { dropAllSelections, dropSelection, getSelection, setSelection } from './selection-store.ts';
import { searchKey } from '../shared/search-key.ts';

const PAGE1 = 'https://s.taobao.com/search?q=%E5%8F%8C%E8%82%A9%E5%8C%85&tab=all';
const PAGE2 = 'https://s.taobao.com/search?q=%E5%8F%8C%E8%82%A9%E5%8C%85&tab=all&s=44&spm=a21bo.1';
const OTHER = 'https://s.taobao.com/search?q=%E9%92%B1%E5%8C%85&tab=all';
const now = new Date('2026-11-22T06:00:00.000Z');
const listing = (itemId: string, marketplace = 'taobao') => ({
  marketplace, itemId, skuId: null, url: `https://item.taobao.com/item.htm?id=${itemId}`, title: `双肩包 ${itemId}`, price: { amount: '199.00', currency: 'CNY' }, imageUrls: [], seller: { name: '店铺', id: 's1', shopUrl: null }, unavailable: false,
});
const ids = async (tab: { id: number; url: string }) => (await getSelection(tab)).map((i) => [i.listing.itemId, i.selectedOn]);

describe('a tab\'s selection, kept by the worker', () => {
  it('is kept across the result pages of one search, each listing with the page it was selected on', async () => {
    expect(await setSelection({ id: 7, url: PAGE1 }, [listing('1'), listing('2')], now)).toEqual({ ok: true, count: 2 });
    // Page 2 of the same search: what page 1 selected is there, and page 2 adds to it.
    expect(await ids({ id: 7, url: PAGE2 })).toEqual([['1', PAGE1], ['2', PAGE1]]);
    await setSelection({ id: 7, url: PAGE2 }, [listing('1'), listing('2'), listing('3')], now);
    expect(await ids({ id: 7, url: PAGE1 })).toEqual([['1', PAGE1], ['2', PAGE1], ['3', PAGE2]]);
    // Another tab, or another search in this tab, has nothing selected.
    expect(await ids({ id: 8, url: PAGE1 })).toEqual([]);
    expect(await ids({ id: 7, url: OTHER })).toEqual([]);
  });

  it('survives a stopped worker (it is in IndexedDB), and goes when flagged or cleared, or with its tab', async () => {
    await setSelection({ id: 7, url: PAGE1 }, [listing('1')], now);
    await setSelection({ id: 9, url: PAGE1 }, [listing('5')], now);
    await closeDbForTests(); // the next worker opens the database again
    expect(await ids({ id: 7, url: PAGE2 })).toEqual([['1', PAGE1]]);
    await setSelection({ id: 7, url: PAGE2 }, [], now);
    expect(await ids({ id: 7, url: PAGE1 })).toEqual([]);
    await dropSelection(9);
    expect(await ids({ id: 9, url: PAGE1 })).toEqual([]);
    await setSelection({ id: 3, url: PAGE1 }, [listing('6')], now);
    await dropAllSelections(); // browser start: tab ids begin again
    expect(await ids({ id: 3, url: PAGE1 })).toEqual([]);
  });

  it('answers the next page after the changes the last one sent, in the order they were sent', async () => {
    const first = setSelection({ id: 7, url: PAGE1 }, [listing('1')], now);
    const second = setSelection({ id: 7, url: PAGE1 }, [listing('1'), listing('2')], now);
    expect(await ids({ id: 7, url: PAGE2 })).toEqual([['1', PAGE1], ['2', PAGE1]]);
    await Promise.all([first, second]);
  });

  it('keeps which listings the user chose to flag again', async () => {
    await setSelection({ id: 7, url: PAGE1 }, [listing('1'), listing('2')], now, ['2']);
    expect((await getSelection({ id: 7, url: PAGE2 })).map((i) => [i.listing.itemId, i.again])).toEqual([['1', false], ['2', true]]);
  });

  it('refuses what a page could not have shown, and keeps what it had', async () => {
    await setSelection({ id: 7, url: PAGE1 }, [listing('1')], now);
    const foreign = await setSelection({ id: 7, url: PAGE1 }, [listing('2', 'lazada')], now);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'wrong_site' } });
    const broken = await setSelection({ id: 7, url: PAGE1 }, [{ ...listing('3'), url: 'javascript:alert(1)' }], now);
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid_listing' } });
    expect(await ids({ id: 7, url: PAGE1 })).toEqual([['1', PAGE1]]);
  });
});

describe('search key', () => {
  it('ignores the page number, offsets and trackers, and the order of parameters', () => {
    expect(searchKey(PAGE2)).toBe(searchKey(PAGE1));
    expect(searchKey('https://www.lazada.co.th/catalog/?q=bag&page=3')).toBe(searchKey('https://www.lazada.co.th/catalog/?page=1&q=bag'));
    expect(searchKey(OTHER)).not.toBe(searchKey(PAGE1));
    expect(searchKey('https://www.lazada.co.th/catalog/?q=bag&sort=priceasc')).not.toBe(searchKey('https://www.lazada.co.th/catalog/?q=bag'));
  });
});
