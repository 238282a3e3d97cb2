import type { SiteDefinition } from '../adapter.ts';
import { canonicalUrl, examples, handles, itemIdFromUrl, pageKind } from './detect.ts';

// Tmall as the manifest and the worker see it: URL rules only, no page reading.
export const tmallSite: SiteDefinition = {
  id: 'tmall',
  matches: ['*://detail.tmall.com/*', '*://list.tmall.com/*', '*://*.tmall.com/*', '*://detail.tmall.hk/*'],
  examples,
  handles,
  pageKind,
  itemIdFromUrl,
  canonicalUrl,
};
