import type { SiteDefinition } from '../adapter.ts';
import { canonicalUrl, examples, handles, itemIdFromUrl, pageKind } from './detect.ts';

// Tmall as the manifest and the worker see it: URL rules only, no page reading.
export const tmallSite: SiteDefinition = {
  id: 'tmall',
  matches: ['*://detail.tmall.com/*', '*://list.tmall.com/*', '*://*.tmall.com/*', '*://detail.tmall.hk/*'],
  itemLinks: ['*://detail.tmall.com/item.htm*', '*://detail.m.tmall.com/item.htm*', '*://chaoshi.detail.tmall.com/item.htm*', '*://detail.tmall.hk/item.htm*', '*://detail.tmall.hk/hk/item.htm*'],
  examples,
  handles,
  pageKind,
  itemIdFromUrl,
  canonicalUrl,
};
