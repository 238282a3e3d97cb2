import type { SiteDefinition } from '../adapter.ts';
import { canonicalUrl, examples, handles, itemIdFromUrl, pageKind } from './detect.ts';

// Taobao as the manifest and the worker see it: URL rules only, no page reading.
export const taobaoSite: SiteDefinition = {
  id: 'taobao',
  matches: ['*://item.taobao.com/*', '*://s.taobao.com/*', '*://world.taobao.com/*', '*://*.taobao.com/*'],
  itemLinks: ['*://item.taobao.com/item.htm*', '*://world.taobao.com/item/*', '*://m.intl.taobao.com/detail/detail.html*', '*://h5.m.taobao.com/awp/core/detail.htm*', '*://a.m.taobao.com/i*'],
  examples,
  handles,
  pageKind,
  itemIdFromUrl,
  canonicalUrl,
  // Taobao search results carry Tmall items (their cards link to detail.tmall.com).
  alsoLists: ['tmall'],
};
