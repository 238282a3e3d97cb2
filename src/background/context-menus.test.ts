import { describe, expect, it, vi } from 'vitest';
import { TAB_NS } from '../shared/messages.ts';
import { db } from '../shared/db/open.ts';
import { sites } from '../sites/definitions.ts';
import { matchesPattern } from '../sites/match-pattern.ts';
import { makeRecord } from '../../test/unit/records.ts';
import { createMenus, listingOfLink, MENU_FLAG, MENU_SELECT, menuPatterns, onMenuClicked } from './context-menus.ts';

const fake = () => (globalThis as any).chrome;
const covered = (patterns: string[], url: string) => patterns.some((p) => matchesPattern(p, new URL(url)));

describe('the link menu', () => {
  it('appears on every supported page, on links to listings of any supported marketplace, not on search or shop links', () => {
    const { documentUrlPatterns, targetUrlPatterns } = menuPatterns();
    for (const site of sites) {
      for (const page of [...site.examples.item, ...site.examples.search, ...site.examples.shop]) expect(covered(documentUrlPatterns, page), page).toBe(true);
      for (const link of site.examples.item) expect(covered(targetUrlPatterns, link), link).toBe(true);
      for (const link of [...site.examples.search, ...site.examples.shop]) expect(covered(targetUrlPatterns, link), link).toBe(false);
    }
    expect(covered(documentUrlPatterns, 'https://www.example.com/')).toBe(false);
    expect(covered(targetUrlPatterns, 'https://www.example.com/item.htm?id=123456')).toBe(false);
  });

  it('is made on install with localized titles, and made again (not doubled) on an update', async () => {
    await createMenus();
    await createMenus();
    const items = [...fake().contextMenus.items.values()];
    expect(items.map((i: any) => [i.id, i.title, i.contexts])).toEqual([
      [MENU_FLAG, 'Flag this listing', ['link']],
      [MENU_SELECT, 'Add to selection', ['link']],
    ]);
    expect(items[0].documentUrlPatterns).toEqual(menuPatterns().documentUrlPatterns);
    expect(items[0].targetUrlPatterns).toEqual(menuPatterns().targetUrlPatterns);
  });

  it('reads the listing a link names, whatever the page: Tmall links on Taobao, Lazada product links, no search links', () => {
    expect(listingOfLink('https://detail.tmall.com/item.htm?spm=a1&id=560123456789')).toEqual({ marketplace: 'tmall', itemId: '560123456789', url: 'https://detail.tmall.com/item.htm?id=560123456789' });
    expect(listingOfLink('https://www.lazada.sg/products/example-i100200300-s400500600.html?search=1')).toEqual({ marketplace: 'lazada', itemId: '100200300', url: 'https://www.lazada.sg/products/i100200300-s400500600.html' });
    expect(listingOfLink('https://s.taobao.com/search?q=bag')).toBeNull();
    expect(listingOfLink('https://item.taobao.com/item.htm')).toBeNull();
    expect(listingOfLink('not a url')).toBeNull();
  });

  it('sends the clicked link to the tab, with the existing request for that listing so the page asks first', async () => {
    const prior = makeRecord({ listing: { itemId: '637145790668' }, caseId: 'TD-2026-000123', caseStatus: 'in_review' });
    await (await db()).put('requests', prior);
    const sendMessage = vi.fn(async () => ({ done: true }));
    fake().tabs.sendMessage = sendMessage;
    const linkUrl = 'https://item.taobao.com/item.htm?id=637145790668&spm=x';
    expect(await onMenuClicked({ menuItemId: MENU_FLAG, linkUrl } as chrome.contextMenus.OnClickData, { id: 7 } as chrome.tabs.Tab)).toBe(true);
    const [tabId, message, options] = sendMessage.mock.calls[0] as unknown as [number, any, unknown];
    expect([tabId, options]).toEqual([7, { frameId: 0 }]);
    expect(message.ns).toBe(TAB_NS);
    expect(message.type).toBe('linkMenu');
    expect(message.payload).toMatchObject({ action: 'flag', linkUrl, link: { marketplace: 'taobao', itemId: '637145790668' } });
    expect(message.payload.existing).toMatchObject({ clientRequestId: prior.clientRequestId, caseId: 'TD-2026-000123', state: 'in_review' });

    // A listing this device never flagged: nothing to ask about.
    await onMenuClicked({ menuItemId: MENU_SELECT, linkUrl: 'https://item.taobao.com/item.htm?id=111111111' } as chrome.contextMenus.OnClickData, { id: 7 } as chrome.tabs.Tab);
    expect((sendMessage.mock.calls[1] as unknown as [number, any])[1].payload).toMatchObject({ action: 'select', existing: null });
  });

  it('ignores menu items that are not ours, and clicks outside a tab', async () => {
    const sendMessage = vi.fn(async () => ({ done: true }));
    fake().tabs.sendMessage = sendMessage;
    const linkUrl = 'https://item.taobao.com/item.htm?id=637145790668';
    expect(await onMenuClicked({ menuItemId: 'other', linkUrl } as chrome.contextMenus.OnClickData, { id: 7 } as chrome.tabs.Tab)).toBe(false);
    expect(await onMenuClicked({ menuItemId: MENU_FLAG, linkUrl } as chrome.contextMenus.OnClickData, undefined)).toBe(false);
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
